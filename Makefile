# ngx_consent: see README.md.  Targets: all run test bench fuzz unit
# integration browser asan coverage catalogue entities test-matrix install
# deb clean.

BUILD      ?= build
NGINX_SRC  ?= /usr/share/nginx/src
NGINX_BIN  ?= /usr/sbin/nginx
# The shared test data (docs/testing.md); tests read CONSENT_DATA too.
CONSENT_DATA ?= ../shared/data
CC         ?= cc

# make install: the module into nginx's modules directory, consent-audit,
# its man page, the docs and the example policy.
PREFIX      ?= /usr/local
DESTDIR     ?=
NGINX_MODULES_DIR ?= $(or $(shell $(NGINX_BIN) -V 2>&1 \
                         | sed -n 's/.*--modules-path=\([^ ]*\).*/\1/p'),\
                         $(PREFIX)/lib/nginx/modules)
BINDIR      ?= $(PREFIX)/bin
MANDIR      ?= $(PREFIX)/share/man
DOCDIR      ?= $(PREFIX)/share/doc/ngx_consent

CORE_DIR    = ngx_consent_module/core
CORE_SRCS   = $(sort $(wildcard $(CORE_DIR)/*.c))
CORE_HDRS   = $(wildcard $(CORE_DIR)/*.h)
GLUE_SRCS   = $(sort $(wildcard ngx_consent_module/ngx_http_consent_*.c))
GLUE_HDRS   = $(wildcard ngx_consent_module/ngx_http_consent_*.h)
ASSETS      = $(sort $(wildcard ngx_consent_module/assets/*))
CORE_OBJS   = $(patsubst $(CORE_DIR)/%.c,$(BUILD)/core/%.o,$(CORE_SRCS))
CORE_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O2 \
              -Wall -Wextra -Werror -I$(CORE_DIR)
CORE_LIBS   = -ljansson -lpcre2-8 -lcrypto -lz -lpsl
SANITIZE    = -fsanitize=address,undefined -fno-omit-frame-pointer

MODULE      = $(BUILD)/ngx_http_consent_module.so
AUDIT_TOOL  = $(BUILD)/consent-audit
UNIT_TESTS  = $(patsubst tests/unit/%.c,$(BUILD)/tests/unit/%,\
                $(wildcard tests/unit/test_*.c))
# The scanner's tests again on a core without its SSE2 searches: both
# paths must give the same events (make unit and the unit suite run both).
SCALAR_TESTS = $(patsubst %,$(BUILD)/scalar/tests/unit/%,\
                test_scanner test_scanner_skip test_html5lib test_rewriter)

.PHONY: all deps test unit scalar integration browser fuzz bench run asan \
        valgrind coverage catalogue entities test-matrix install deb clean \
        FORCE

all: deps $(MODULE) $(AUDIT_TOOL)

deps:
	@tools/deps.sh build

# The nginx build is reconfigured when the addon script, the assets or the
# set of source files change (configure embeds the assets and lists sources).
$(BUILD)/nginx/sources: FORCE
	@mkdir -p $(dir $@)
	@echo $(CORE_SRCS) $(GLUE_SRCS) $(ASSETS) | cmp -s - $@ \
		|| echo $(CORE_SRCS) $(GLUE_SRCS) $(ASSETS) > $@

$(BUILD)/nginx/objs/Makefile: config tools/configure-nginx.sh \
		tools/embed-assets.sh $(ASSETS) $(BUILD)/nginx/sources
	CC="$(CC)" tools/configure-nginx.sh $(NGINX_SRC) $(abspath $(BUILD))/nginx \
		$(CURDIR) "$(NGINX_EXTRA_CC)"

$(MODULE): $(BUILD)/nginx/objs/Makefile $(CORE_SRCS) $(CORE_HDRS) \
		$(GLUE_SRCS) $(GLUE_HDRS) $(CORE_OBJS)
	$(MAKE) -C $(BUILD)/nginx/src -f $(abspath $(BUILD))/nginx/objs/Makefile \
		modules
	cp $(BUILD)/nginx/objs/ngx_http_consent_module.so $@

# The core alone, under the strict flags (nginx's own flags are laxer).
$(BUILD)/core/%.o: $(CORE_DIR)/%.c $(CORE_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CORE_CFLAGS) $(CORE_EXTRA) -c $< -o $@

$(BUILD)/core/libconsent.a: $(CORE_OBJS)
	@rm -f $@
	ar rcs $@ $^

# consent-audit: main in consent-audit.c, a file per command (audit_*.c)
# Where programs outside nginx read the catalogue policies extend (the
# Debian package passes its installed path).
CATALOGUE_FILE ?= $(CURDIR)/ngx_consent_module/assets/catalogue.json
CATALOGUE_DEF   = -DCONSENT_CATALOGUE_PATH='"$(CATALOGUE_FILE)"'

AUDIT_SRCS  = tools/consent-audit.c $(sort $(wildcard tools/audit_*.c))
AUDIT_HDRS  = $(wildcard tools/audit_*.h)

$(AUDIT_TOOL): $(AUDIT_SRCS) $(AUDIT_HDRS) $(BUILD)/core/libconsent.a
	$(CC) $(CORE_CFLAGS) $(CORE_EXTRA) $(CATALOGUE_DEF) -Itools $(AUDIT_SRCS) \
		$(BUILD)/core/libconsent.a $(CORE_LIBS) -lm $(LDFLAGS) -o $@

$(BUILD)/tests/unit/%: tests/unit/%.c tests/unit/tap.h \
		$(BUILD)/core/libconsent.a
	@mkdir -p $(dir $@)
	$(CC) $(CORE_CFLAGS) -Itests/unit $< $(BUILD)/core/libconsent.a \
		$(CORE_LIBS) -o $@

$(BUILD)/tests/mint-cookie: tests/tools/mint-cookie.c $(BUILD)/core/libconsent.a
	@mkdir -p $(dir $@)
	$(CC) $(CORE_CFLAGS) $(CORE_EXTRA) $(CATALOGUE_DEF) \
		$< $(BUILD)/core/libconsent.a $(CORE_LIBS) $(LDFLAGS) -o $@

$(BUILD)/tests/audit-gen: tests/tools/audit-gen.c $(BUILD)/core/libconsent.a
	@mkdir -p $(dir $@)
	$(CC) $(CORE_CFLAGS) $(CORE_EXTRA) $(CATALOGUE_DEF) $< \
		$(BUILD)/core/libconsent.a \
		$(CORE_LIBS) $(LDFLAGS) -o $@

# ASan+UBSan build of the module, loaded into Debian's nginx by the tests.
asan:
	$(MAKE) BUILD=$(BUILD)/asan CORE_EXTRA="$(SANITIZE)" \
		NGINX_EXTRA_CC="$(SANITIZE)" $(BUILD)/asan/ngx_http_consent_module.so

# The core's tests need the core library only, not the nginx build.
unit: $(UNIT_TESTS) scalar
	prove $(UNIT_TESTS) $(SCALAR_TESTS)

scalar: FORCE
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/scalar \
		CORE_EXTRA=-DCONSENT_SCALAR $(SCALAR_TESTS)

integration: all $(BUILD)/tests/mint-cookie $(BUILD)/tests/audit-gen
	prove tests/nginx/

browser: all $(BUILD)/tests/mint-cookie
	@tools/deps.sh test
	@SUITES=browser tests/run-all.pl

valgrind: all $(BUILD)/tests/mint-cookie $(BUILD)/tests/audit-gen
	@tools/deps.sh test
	@SUITES=valgrind tests/run-all.pl

test: FORCE
	@tools/deps.sh test
	@$(MAKE) --no-print-directory all $(UNIT_TESTS) $(BUILD)/tests/mint-cookie \
		$(BUILD)/tests/audit-gen
	@$(MAKE) --no-print-directory scalar asan
	@tests/run-all.pl

# nginx 1.22 (Debian), 1.26 (trixie's source) and sid's mainline, gcc and
# clang, static and dynamic, -Werror, the integration suite on each binary
# (tools/test-matrix.sh).  Also a suite of make test.
test-matrix: FORCE
	@tools/deps.sh test
	@$(MAKE) --no-print-directory all $(BUILD)/tests/mint-cookie
	@SUITES=matrix tests/run-all.pl

install: all
	install -d $(DESTDIR)$(NGINX_MODULES_DIR) $(DESTDIR)$(BINDIR) \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DOCDIR)/examples
	install -m 644 $(MODULE) $(DESTDIR)$(NGINX_MODULES_DIR)/
	install -m 755 $(AUDIT_TOOL) $(DESTDIR)$(BINDIR)/
	install -d $(DESTDIR)$(PREFIX)/share/ngx-consent
	install -m 644 ngx_consent_module/assets/catalogue.json \
		$(DESTDIR)$(PREFIX)/share/ngx-consent/
	install -m 644 tools/consent-audit.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 README.md docs/*.md $(DESTDIR)$(DOCDIR)/
	install -m 644 examples/nginx.conf examples/policy.json \
		$(DESTDIR)$(DOCDIR)/examples/

# The Debian package libnginx-mod-http-consent, in $(BUILD)/deb/.
deb: FORCE
	@tools/deps.sh deb
	tools/build-deb.sh $(BUILD)/deb

run: all
	@tools/run-demo.sh

bench: all
	@tools/deps.sh bench
	@bench/run.sh

fuzz: all
	@tests/fuzz/run.sh $${FUZZ_SECONDS:-60}

# Real pages through nginx with the module (docs/coverage.md);
# COVERAGE_FLAGS=--verbose adds the per-page table.
coverage: all
	@tools/coverage/run.sh $(COVERAGE_FLAGS)

# The tracker catalogue (docs/catalogue.md), regenerated from the pinned
# third-party-web, the Open Cookie Database (CATALOGUE_OCD=CSV to point
# elsewhere than ../shared/data) and tools/catalogue/overrides.json.
CATALOGUE_DIR = tools/catalogue

catalogue: $(CATALOGUE_DIR)/node_modules/.package-lock.json
	node $(CATALOGUE_DIR)/generate.mjs --report

# npm ci rewrites this file; npm gives the package files a fixed old mtime.
$(CATALOGUE_DIR)/node_modules/.package-lock.json: \
		$(CATALOGUE_DIR)/package-lock.json
	cd $(CATALOGUE_DIR) && npm ci --no-audit --no-fund

# The named character reference table, from html5lib's tokenizer tests.
entities:
	tools/gen-entities.pl $(CONSENT_DATA)/html5lib-tokenizer \
		> $(CORE_DIR)/consent_entities.c.tmp
	mv $(CORE_DIR)/consent_entities.c.tmp $(CORE_DIR)/consent_entities.c

clean:
	rm -rf $(BUILD)

FORCE:
