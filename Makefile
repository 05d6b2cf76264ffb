# Portal — the two commands a new user needs are `make run` and `make test`.
DOTNET  ?= dotnet
URLS    ?= http://127.0.0.1:5080
# The reference portal (`make site`): where it listens, and the API it reads (`make run`'s).
SITE_URLS ?= http://127.0.0.1:5090
API       ?= http://127.0.0.1:5080
CONFIG  ?= Debug
RESULTS ?= TestResults
# The data folder (SQLite database and uploaded files). `dotnet run` starts in the project folder, so it is passed absolute.
DATA    ?= $(CURDIR)/data
APP_ARGS = --Database:Path "$(DATA)/portal.db" --Files:Root "$(DATA)/files" --Admin:Root "$(CURDIR)/web/admin/dist"

ROLE    ?= admin
NAME    ?= $(ROLE)
# Articles seeded by `make bench`, and its database engine (sqlite or postgres).
SIZE    ?= 1000
DB      ?= sqlite

.PHONY: admin run site test test-dotnet test-web web-deps lint-openapi test-postgres build openapi crawlers clean restore key bench bench-scaling bench-hits

# Web parts (TypeScript, Node 20+): each folder has its package-lock.json and is installed with `npm ci`.
NPM      ?= npm
WEB_DIRS ?= clients/typescript tools/api-lint web/admin web/site

restore:
	$(DOTNET) restore Portal.slnx

build: restore
	$(DOTNET) build Portal.slnx -c $(CONFIG) --no-restore

## Build the editor app (web/admin/dist, served at /admin) when its sources are newer than the build.
ADMIN_SOURCES = $(shell find web/admin/src -type f) web/admin/index.html web/admin/package-lock.json web/admin/vite.config.ts clients/typescript/src/schema.d.ts clients/typescript/src/index.ts
admin: web/admin/dist/index.html
web/admin/dist/index.html: $(ADMIN_SOURCES)
	$(MAKE) --no-print-directory web-deps
	cd web/admin && $(NPM) run --silent build

## Serve the seeded portal on SQLite ($(DATA)/portal.db) at $(URLS), and the editor app at $(URLS)/admin.
run: restore admin
	mkdir -p "$(DATA)"
	$(DOTNET) run --project Portal.Api -c $(CONFIG) --no-restore -- --urls "$(URLS)" $(APP_ARGS)

## Serve the reference portal (web/site, Node 20+) at $(SITE_URLS) against the API at $(API) (`make run`'s by default).
site: web-deps
	cd web/site && PORTAL_API="$(API)" SITE_URL="$(SITE_URLS)" $(NPM) start --silent

## Create an API key in the local database and print it once: make key ROLE=editor NAME="Phòng VH-TT".
key: restore
	mkdir -p "$(DATA)"
	@$(DOTNET) run --project Portal.Api -c $(CONFIG) --no-restore -- create-key --name "$(NAME)" --role "$(ROLE)" $(APP_ARGS)

## Run every test: the .NET suite, then the web parts (client, lint, browser); results (TRX, JUnit XML) go to $(RESULTS)/.
## Both parts always run; the target fails if either did.
test: restore
	rm -rf $(RESULTS)
	@status=0; \
	$(MAKE) --no-print-directory test-dotnet RESULTS="$(RESULTS)" || status=1; \
	$(MAKE) --no-print-directory test-web RESULTS="$(RESULTS)" || status=1; \
	exit $$status

## The .NET suite; then the tests of every time and date input (category Time) run again under other server time zones,
## each run with its own TRX file in $(RESULTS)/: a request must mean the same instant on every server.
TIME_ZONES ?= Asia/Ho_Chi_Minh America/New_York
test-dotnet: restore
	$(DOTNET) test Portal.slnx -c $(CONFIG) --no-restore --logger "trx;LogFilePrefix=portal" --logger "console;verbosity=normal" --results-directory $(RESULTS); \
	status=$$?; \
	for zone in $(TIME_ZONES); do \
	  TZ=$$zone $(DOTNET) test Portal.Tests -c $(CONFIG) --no-build --filter "Category=Time" \
	    --logger "trx;LogFilePrefix=portal-tz-$$(echo $$zone | tr '/' '-')" --results-directory $(RESULTS) || status=1; \
	done; \
	exit $$status

## Install every web part's dependencies from its lock file (again only when the lock file changed).
web-deps:
	@for d in $(WEB_DIRS); do \
	  if [ ! -f "$$d/node_modules/.package-lock.json" ] || [ "$$d/package-lock.json" -nt "$$d/node_modules/.package-lock.json" ]; then \
	    echo "npm ci in $$d"; (cd "$$d" && $(NPM) ci --no-audit --no-fund) || exit 1; \
	  fi; \
	done

## The web parts' tests alone (JUnit XML in $(RESULTS)/web/).
test-web: web-deps
	scripts/web-tests.sh "$(RESULTS)/web"

## Run every test again on PostgreSQL. Uses $$PORTAL_TEST_POSTGRES if set (an admin connection string);
## otherwise starts a throwaway cluster on 127.0.0.1 (installing PostgreSQL from Debian if missing) and stops it after.
test-postgres: restore
	rm -rf $(RESULTS)-postgres
	@if [ -n "$$PORTAL_TEST_POSTGRES" ]; then \
	  $(DOTNET) test Portal.slnx -c $(CONFIG) --no-restore --logger "trx;LogFilePrefix=portal-postgres" --results-directory $(RESULTS)-postgres; \
	else \
	  conn=$$(scripts/pg-test-cluster.sh start) || exit 1; \
	  PORTAL_TEST_POSTGRES="$$conn" $(DOTNET) test Portal.slnx -c $(CONFIG) --no-restore --logger "trx;LogFilePrefix=portal-postgres" --results-directory $(RESULTS)-postgres; \
	  status=$$?; scripts/pg-test-cluster.sh stop; exit $$status; \
	fi

## Regenerate the committed openapi.json from the served document, and the typed client's types from it
## (review the diff: it is the API change). `make lint-openapi` then lints it as CI does.
openapi: restore web-deps
	PORTAL_WRITE_OPENAPI=1 $(DOTNET) test Portal.Tests -c $(CONFIG) --no-restore --filter "FullyQualifiedName~OpenApiDocumentTests"
	$(NPM) --prefix clients/typescript run --silent generate

## Lint openapi.json with Spectral and Redocly (0 errors each; kept warnings are listed in tools/api-lint/).
lint-openapi: web-deps
	$(NPM) --prefix tools/api-lint run --silent spectral
	$(NPM) --prefix tools/api-lint run --silent redocly

## Refresh the crawler list the visit counter ignores from the npm package crawler-user-agents (review the diff, then `make test`).
CRAWLERS_DIR ?= Portal.Api/Features/Hits/Data
crawlers:
	@tmp=$$(mktemp -d); \
	file=$$(cd "$$tmp" && $(NPM) pack crawler-user-agents@latest --silent) \
	  && tar -xzf "$$tmp/$$file" -C "$$tmp" \
	  && version=$${file#crawler-user-agents-} && version=$${version%.tgz} \
	  && cp "$$tmp/package/crawler-user-agents.json" "$$tmp/package/LICENSE" $(CRAWLERS_DIR)/ \
	  && sed -i -E "s#(package/crawler-user-agents\)) version [0-9.]+#\1 version $$version#" $(CRAWLERS_DIR)/README.md \
	  && echo "crawler-user-agents $$version copied to $(CRAWLERS_DIR)"; \
	status=$$?; rm -rf "$$tmp"; exit $$status

## Load Portal (Release) and the limit (the same bytes from memory) with wrk, one at a time; writes
## bench/results/latest.md (latest-postgres.md with DB=postgres, size-$(SIZE)….md for other sizes). Method: bench/README.md.
bench:
	SIZE=$(SIZE) DB=$(DB) bench/run.sh

## Only the hit-accounting part of the bench: every 202 of POST /hits must be a persisted page view (bench/README.md).
bench-hits:
	SIZE=$(SIZE) DB=$(DB) HITS_ONLY=1 REUSE=1 bench/run.sh

## How each endpoint's cost grows from 1,000 to 100,000 articles, with and without the reader cache (each size seeded
## once); writes bench/results/scaling.md.
UNCACHED_ARGS ?= --Hits:RateLimit:PermitLimit=0 --Cache:Enabled=false
bench-scaling:
	SIZE=1000 bench/run.sh
	SIZE=100000 bench/run.sh
	SIZE=1000 VARIANT=uncached PORTAL_ARGS="$(UNCACHED_ARGS)" bench/run.sh
	SIZE=100000 VARIANT=uncached PORTAL_ARGS="$(UNCACHED_ARGS)" bench/run.sh
	bench/scaling.sh 1000 100000 > bench/results/scaling.md

clean:
	-$(DOTNET) clean Portal.slnx
	rm -rf data $(RESULTS) $(RESULTS)-postgres Portal.*/bin Portal.*/obj
