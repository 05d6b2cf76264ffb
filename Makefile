# Portal — the two commands a new user needs are `make run` and `make test`.
DOTNET  ?= dotnet
URLS    ?= http://127.0.0.1:5080
CONFIG  ?= Debug
RESULTS ?= TestResults

.PHONY: run test build openapi crawlers clean restore

restore:
	$(DOTNET) restore Portal.slnx

build: restore
	$(DOTNET) build Portal.slnx -c $(CONFIG) --no-restore

## Serve the seeded portal on SQLite (data/portal.db) at $(URLS).
run: restore
	mkdir -p data
	$(DOTNET) run --project Portal.Api -c $(CONFIG) --no-restore -- --urls "$(URLS)"

## Run every test; results (TRX) go to $(RESULTS)/.
test: restore
	rm -rf $(RESULTS)
	$(DOTNET) test Portal.slnx -c $(CONFIG) --no-restore --logger "trx;LogFilePrefix=portal" --logger "console;verbosity=normal" --results-directory $(RESULTS)

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

clean:
	-$(DOTNET) clean Portal.slnx
	rm -rf data $(RESULTS) Portal.*/bin Portal.*/obj
