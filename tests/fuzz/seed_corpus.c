/*
 * Writes the fuzzer's seed corpus into DIR: every html5lib tokenizer input
 * and every test page, each after two control bytes (see fuzz_rewriter.c).
 *   seed_corpus DIR HTML5LIB_DIR PAGE...
 */

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

static unsigned  seed_n;


static int
seed_write(const char *dir, const void *p, size_t len)
{
    FILE           *f;
    char            path[4096];
    unsigned char   ctl[2];

    /* every inline_max, small and large pieces, and some consent */
    ctl[0] = (unsigned char) (((seed_n % 5) << 3)
                              | ((seed_n / 5) % 2 ? 0x80 : 0)
                              | (((seed_n / 10) % 4) << 1));
    ctl[1] = (unsigned char) seed_n;

    snprintf(path, sizeof(path), "%s/seed-%05u", dir, seed_n++);
    f = fopen(path, "wb");
    if (f == NULL) {
        perror(path);
        return -1;
    }

    if (fwrite(ctl, 1, 2, f) != 2 || fwrite(p, 1, len, f) != len) {
        fclose(f);
        return -1;
    }

    return fclose(f);
}


int
main(int argc, char **argv)
{
    DIR            *d;
    FILE           *f;
    long            n;
    char            path[4096], *buf;
    size_t          i;
    json_t         *root, *test, *in;
    struct dirent  *de;

    if (argc < 3) {
        fprintf(stderr, "usage: seed_corpus DIR HTML5LIB_DIR PAGE...\n");
        return 2;
    }

    d = opendir(argv[2]);
    if (d == NULL) {
        perror(argv[2]);
        return 1;
    }

    while ((de = readdir(d)) != NULL) {
        if (strstr(de->d_name, ".test") == NULL) {
            continue;
        }
        snprintf(path, sizeof(path), "%s/%s", argv[2], de->d_name);
        root = json_load_file(path, JSON_ALLOW_NUL, NULL);
        if (root == NULL) {
            continue;
        }
        json_array_foreach(json_object_get(root, "tests"), i, test) {
            in = json_object_get(test, "input");
            if (seed_write(argv[1], json_string_value(in),
                           json_string_length(in)) != 0)
            {
                return 1;
            }
        }
        json_decref(root);
    }
    closedir(d);

    for (i = 3; i < (size_t) argc; i++) {
        f = fopen(argv[i], "rb");
        if (f == NULL) {
            perror(argv[i]);
            return 1;
        }
        fseek(f, 0, SEEK_END);
        n = ftell(f);
        fseek(f, 0, SEEK_SET);
        buf = malloc((size_t) n + 1);
        if (buf == NULL || fread(buf, 1, (size_t) n, f) != (size_t) n
            || seed_write(argv[1], buf, (size_t) n) != 0)
        {
            return 1;
        }
        free(buf);
        fclose(f);
    }

    printf("%u seeds in %s\n", seed_n, argv[1]);
    return 0;
}
