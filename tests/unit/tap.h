#ifndef CONSENT_TAP_H
#define CONSENT_TAP_H

/* Minimal TAP producer for the core unit tests (run by prove). */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where the shared test data is (docs/testing.md), from the repository. */
#define TAP_DATA_DEFAULT  "../shared/data"

static int  tap_n, tap_failed;

#define ok(cond, ...)                                                     \
    do {                                                                  \
        int tap_c_ = !!(cond);                                            \
        tap_n++;                                                          \
        if (!tap_c_) tap_failed++;                                        \
        printf("%sok %d - ", tap_c_ ? "" : "not ", tap_n);                \
        printf(__VA_ARGS__);                                              \
        printf("\n");                                                     \
        if (!tap_c_)                                                      \
            printf("#   failed at %s line %d\n", __FILE__, __LINE__);     \
    } while (0)

#define is_int(got, want, ...)                                            \
    do {                                                                  \
        long long tap_g_ = (long long) (got), tap_w_ = (long long) (want); \
        ok(tap_g_ == tap_w_, __VA_ARGS__);                                \
        if (tap_g_ != tap_w_)                                             \
            printf("#   got %lld, expected %lld\n", tap_g_, tap_w_);      \
    } while (0)

#define is_str(got, want, ...)                                            \
    do {                                                                  \
        const char *tap_g_ = (got), *tap_w_ = (want);                     \
        int tap_e_ = tap_g_ && tap_w_ && strcmp(tap_g_, tap_w_) == 0;     \
        ok(tap_e_, __VA_ARGS__);                                          \
        if (!tap_e_)                                                      \
            printf("#   got '%s', expected '%s'\n",                       \
                   tap_g_ ? tap_g_ : "(null)", tap_w_ ? tap_w_ : "(null)"); \
    } while (0)

#define diag(...)  do { printf("# "); printf(__VA_ARGS__); printf("\n"); } \
                   while (0)

/* An ok line that says why a test did not run. */
#define skip(...)                                                         \
    do {                                                                  \
        tap_n++;                                                          \
        printf("ok %d # skip ", tap_n);                                   \
        printf(__VA_ARGS__);                                              \
        printf("\n");                                                     \
    } while (0)

/* path = $CONSENT_DATA (else TAP_DATA_DEFAULT) "/" sub. */
static inline const char *
tap_data(const char *sub, char *path, size_t size)
{
    const char  *dir;

    dir = getenv("CONSENT_DATA");
    snprintf(path, size, "%s/%s", dir && *dir ? dir : TAP_DATA_DEFAULT, sub);

    return path;
}

static int
done_testing(void)
{
    printf("1..%d\n", tap_n);
    return tap_failed ? 1 : 0;
}

#endif /* CONSENT_TAP_H */
