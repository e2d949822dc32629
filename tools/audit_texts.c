/*
 * consent-audit show-policy and texts: what a visitor was shown.  The
 * records name the texts by hash; nginx keeps each distinct set once in
 * LOG.texts.jsonl, and "texts" computes the sets of a policy file (for
 * syslog logs, or an archived policy).
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit_tool.h"


typedef struct {
    const char              *hash;
    size_t                   hash_len;
    int                      json;
    uint64_t                 found;
    unsigned                 edited:1;
    const char              *file;
} consent_tool_show_t;


static int consent_tool_show_line(void *data, uint32_t file, uint64_t line,
    const char *text, size_t len);
static void consent_tool_show_print(json_t *shown);
static char *consent_tool_sidecar(const char *arg);
static const char *consent_tool_str(json_t *object, const char *name);


int
consent_tool_show_policy(int argc, char **argv)
{
    int                   i, n, rc;
    char                 *file;
    consent_tool_show_t   show;

    memset(&show, 0, sizeof(show));
    rc = CONSENT_EXIT_USAGE;
    n = 0;

    for (i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            show.json = 1;
            continue;
        }

        if (argv[i][0] == '-') {
            fprintf(stderr, "consent-audit: show-policy: unknown option "
                    "\"%s\"\n", argv[i]);
            return CONSENT_EXIT_USAGE;
        }

        if (show.hash == NULL) {
            show.hash = argv[i];
            show.hash_len = strlen(argv[i]);

            if (show.hash_len < 8 || show.hash_len > CONSENT_AUDIT_HEX_LEN
                || strspn(show.hash, "0123456789abcdef") != show.hash_len)
            {
                fprintf(stderr, "consent-audit: \"%s\" is not a texts hash "
                        "(the \"texts\" field: 64 hex digits, or at least "
                        "the first 8)\n", show.hash);
                return CONSENT_EXIT_USAGE;
            }

            continue;
        }

        file = consent_tool_sidecar(argv[i]);
        if (file == NULL) {
            return CONSENT_EXIT_USAGE;
        }

        show.file = file;
        n++;

        /* the handler stops the reading at the first match */
        rc = consent_tool_each_line(&file, 1, NULL, consent_tool_show_line,
                                    &show);
        free(file);

        if (show.found) {
            return CONSENT_EXIT_OK;
        }

        if (show.edited) {
            return CONSENT_EXIT_FAILED;
        }

        if (rc != 0) {
            return CONSENT_EXIT_USAGE;
        }
    }

    if (show.hash == NULL || n == 0) {
        fprintf(stderr, "consent-audit: show-policy needs a HASH and a LOG "
                "(its LOG.texts.jsonl is read) or a .texts.jsonl file\n");
        consent_tool_usage(stderr);
        return CONSENT_EXIT_USAGE;
    }

    fprintf(stderr, "consent-audit: no texts %s in the files given; "
            "\"consent-audit texts --policy FILE\" computes them from the "
            "policy file of that revision\n", show.hash);

    return CONSENT_EXIT_FAILED;
}


static int
consent_tool_show_line(void *data, uint32_t file, uint64_t line,
    const char *text, size_t len)
{
    consent_tool_show_t  *show = data;

    char            hex[CONSENT_AUDIT_HEX_LEN + 1];
    char           *out;
    json_t         *root, *shown;
    const char     *hash;
    json_error_t    error;
    unsigned char   computed[CONSENT_AUDIT_MAC_LEN];

    (void) file;

    root = json_loadb(text, len, 0, &error);
    hash = consent_tool_str(root, "texts");
    shown = json_object_get(root, "shown");

    if (hash == NULL || !json_is_object(shown)
        || strncmp(hash, show->hash, show->hash_len) != 0)
    {
        json_decref(root);
        return 0;
    }

    show->found++;

    if (consent_audit_texts_hash(shown, computed) != 0) {
        json_decref(root);
        fprintf(stderr, "consent-audit: out of memory\n");
        return -1;
    }

    consent_hex(computed, CONSENT_AUDIT_MAC_LEN, hex);

    if (strcmp(hex, hash) != 0) {
        fprintf(stderr, "consent-audit: %s:%llu: these texts do not match "
                "their hash %s (edited)\n", show->file,
                (unsigned long long) line, hash);
        show->found = 0;
        show->edited = 1;
        json_decref(root);
        return -1;
    }

    if (show->json) {
        out = json_dumps(shown, JSON_INDENT(2) | JSON_SORT_KEYS);
        if (out) {
            printf("%s\n", out);
            free(out);
        }

    } else {
        printf("texts %s\n(they match this hash: the visitor saw exactly "
               "this)\n\n", hash);
        consent_tool_show_print(shown);
    }

    json_decref(root);

    /* the first match is the answer */
    return -1;
}


static void
consent_tool_show_print(json_t *shown)
{
    size_t       i, k;
    json_t      *item, *cookie, *texts;
    const char  *name, *value;

    printf("policy revision %lld, language %s\n\nbanner and preferences\n",
           (long long) json_integer_value(json_object_get(shown, "revision")),
           consent_tool_str(shown, "lang"));

    texts = json_object_get(shown, "texts");

    json_object_foreach(texts, name, item) {
        value = json_string_value(item);
        if (value && value[0]) {
            printf("    %-18s %s\n", name, value);
        }
    }

    printf("\ncategories\n");

    json_array_foreach(json_object_get(shown, "categories"), i, item) {
        printf("    %s%s: %s\n        %s\n", consent_tool_str(item, "id"),
               json_is_true(json_object_get(item, "required"))
               ? " (always on)" : "",
               consent_tool_str(item, "title"),
               consent_tool_str(item, "description"));
    }

    printf("\nservices\n");

    if (json_array_size(json_object_get(shown, "services")) == 0) {
        printf("    none\n");
    }

    json_array_foreach(json_object_get(shown, "services"), i, item) {
        printf("    %s (%s), category %s, provider %s\n",
               consent_tool_str(item, "name"), consent_tool_str(item, "id"),
               consent_tool_str(item, "category"),
               consent_tool_str(item, "provider"));

        value = consent_tool_str(item, "purpose");
        if (value[0]) {
            printf("        purpose: %s\n", value);
        }

        value = consent_tool_str(item, "privacy_url");
        if (value[0]) {
            printf("        privacy: %s\n", value);
        }

        json_array_foreach(json_object_get(item, "cookies"), k, cookie) {
            printf("        cookie %s (%s) %s\n",
                   consent_tool_str(cookie, "name"),
                   consent_tool_str(cookie, "duration"),
                   consent_tool_str(cookie, "purpose"));
        }
    }
}


/*
 * The sidecar of a log argument: a .texts.jsonl file itself, LOG.texts.jsonl,
 * or, for a rotated LOG.1, LOG.texts.jsonl.
 */
static char *
consent_tool_sidecar(const char *arg)
{
    char        *file, *dot;
    size_t       len;
    static char  suffix[] = ".texts.jsonl";

    len = strlen(arg);

    file = malloc(len + sizeof(suffix));
    if (file == NULL) {
        fprintf(stderr, "consent-audit: out of memory\n");
        return NULL;
    }

    memcpy(file, arg, len + 1);

    if (len >= sizeof(suffix) - 1
        && strcmp(arg + len - (sizeof(suffix) - 1), suffix) == 0)
    {
        return file;
    }

    memcpy(file + len, suffix, sizeof(suffix));

    if (access(file, R_OK) == 0) {
        return file;
    }

    dot = strrchr(arg, '.');

    if (dot && dot[1] && strspn(dot + 1, "0123456789") == strlen(dot + 1)) {
        len = dot - arg;
        memcpy(file + len, suffix, sizeof(suffix));
    }

    return file;
}


static const char *
consent_tool_str(json_t *object, const char *name)
{
    json_t  *value;

    value = json_object_get(object, name);

    return json_is_string(value) ? json_string_value(value) : "";
}


int
consent_tool_texts(int argc, char **argv)
{
    int                i, rc;
    char               err[512], *line;
    size_t             k, len, found;
    const char           *path, *lang, *catalogue_path;
    consent_policy_t     *policy;
    consent_catalogue_t  *catalogue;
    unsigned char         hash[CONSENT_AUDIT_MAC_LEN];

    path = NULL;
    lang = NULL;
    catalogue_path = CONSENT_CATALOGUE_PATH;

    for (i = 0; i < argc; i++) {
        if (i + 1 < argc && strcmp(argv[i], "--policy") == 0) {
            path = argv[++i];
            continue;
        }

        if (i + 1 < argc && strcmp(argv[i], "--catalogue") == 0) {
            catalogue_path = argv[++i];
            continue;
        }

        if (i + 1 < argc && strcmp(argv[i], "--lang") == 0) {
            lang = argv[++i];
            continue;
        }

        fprintf(stderr, "consent-audit: texts: unexpected \"%s\"\n",
                argv[i]);
        consent_tool_usage(stderr);
        return CONSENT_EXIT_USAGE;
    }

    if (path == NULL) {
        fprintf(stderr, "consent-audit: texts needs --policy FILE\n");
        return CONSENT_EXIT_USAGE;
    }

    policy = consent_policy_load_standalone(path, catalogue_path, &catalogue,
                                            err, sizeof(err));
    if (policy == NULL) {
        fprintf(stderr, "consent-audit: %s\n", err);
        return CONSENT_EXIT_USAGE;
    }

    rc = CONSENT_EXIT_OK;
    found = 0;

    for (k = 0; k < policy->nlanguages; k++) {
        if (lang && strcmp(lang, policy->languages[k]) != 0) {
            continue;
        }

        line = consent_audit_texts(policy, policy->languages[k], hash, &len);
        if (line == NULL) {
            fprintf(stderr, "consent-audit: out of memory\n");
            rc = CONSENT_EXIT_USAGE;
            break;
        }

        fwrite(line, 1, len, stdout);
        free(line);
        found++;
    }

    if (rc == CONSENT_EXIT_OK && found == 0) {
        fprintf(stderr, "consent-audit: the policy has no language \"%s\"\n",
                lang);
        rc = CONSENT_EXIT_FAILED;
    }

    consent_policy_free(policy);
    consent_catalogue_free(catalogue);

    return rc;
}
