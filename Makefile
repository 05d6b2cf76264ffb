# Portal — the two commands a new user needs are `make run` and `make test`.
DOTNET  ?= dotnet
URLS    ?= http://127.0.0.1:5080
CONFIG  ?= Debug
RESULTS ?= TestResults
# The data folder (SQLite database and uploaded files). `dotnet run` starts in the project folder, so it is passed absolute.
DATA    ?= $(CURDIR)/data
APP_ARGS = --Database:Path "$(DATA)/portal.db" --Files:Root "$(DATA)/files"

ROLE    ?= admin
NAME    ?= $(ROLE)
# Articles seeded by `make bench`, and its database engine (sqlite or postgres).
SIZE    ?= 1000
DB      ?= sqlite

.PHONY: run test test-postgres build openapi crawlers clean restore key bench bench-scaling

restore:
	$(DOTNET) restore Portal.slnx

build: restore
	$(DOTNET) build Portal.slnx -c $(CONFIG) --no-restore

## Serve the seeded portal on SQLite ($(DATA)/portal.db) at $(URLS).
run: restore
	mkdir -p "$(DATA)"
	$(DOTNET) run --project Portal.Api -c $(CONFIG) --no-restore -- --urls "$(URLS)" $(APP_ARGS)

## Create an API key in the local database and print it once: make key ROLE=editor NAME="Phòng VH-TT".
key: restore
	mkdir -p "$(DATA)"
	@$(DOTNET) run --project Portal.Api -c $(CONFIG) --no-restore -- create-key --name "$(NAME)" --role "$(ROLE)" $(APP_ARGS)

## Run every test; results (TRX) go to $(RESULTS)/.
test: restore
	rm -rf $(RESULTS)
	$(DOTNET) test Portal.slnx -c $(CONFIG) --no-restore --logger "trx;LogFilePrefix=portal" --logger "console;verbosity=normal" --results-directory $(RESULTS)

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

## Regenerate the committed openapi.json from the served document (review the diff: it is the API change).
openapi: restore
	PORTAL_WRITE_OPENAPI=1 $(DOTNET) test Portal.Tests -c $(CONFIG) --no-restore --filter "FullyQualifiedName~OpenApiDocumentTests"

## Refresh the crawler list the visit counter ignores from the npm package crawler-user-agents (review the diff, then `make test`).
CRAWLERS_DIR ?= Portal.Api/Features/Hits/Data
NPM          ?= npm
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
