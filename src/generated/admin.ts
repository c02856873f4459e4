// Generated from specs/admin.yaml by scripts/gen.mjs (openapi-typescript). Do not edit: run `npm run gen`.

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Health and what is mounted
         * @description What the mock serves and how it runs, with the number of scenarios loaded and the journal's size.
         *
         *     The server listens before its data is loaded: until the state saved with `--persist` and the
         *     fixtures are in, health answers 503 with what is still loading, and every other request
         *     (providers and the rest of the admin API) waits, to be answered from the loaded data.
         *
         *     Health answers anyone: it needs no admin token and is not limited to loopback clients, so
         *     probes can reach it.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset state
         * @description Without a body (or with `{}`): every provider's tenants are dropped (and the
         *     provider's own registries: minted keys, reserved names), every scheduled lifecycle
         *     task is cancelled, the deliveries record is cleared, the journal is emptied and
         *     every scenario activation is switched off. Loaded scenarios and the clock's time
         *     and mode are kept.
         *
         *     With `provider`: that provider's tenants, registries and scheduled tasks, its
         *     journal entries and its scenario activations. With `provider` and `tenant`: that
         *     tenant's state only, its scheduled tasks, and what the provider indexes across
         *     tenants for it (Airweave's readable ids, Ctxfy's minted keys). Resetting a tenant
         *     that holds no state is not an error.
         */
        post: operations["resetState"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/journal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List journal entries
         * @description The requests the providers answered (or dropped, for faults), newest first. Every
         *     filter given must match. Admin requests are not journaled.
         */
        get: operations["listJournal"];
        put?: never;
        post?: never;
        /**
         * Clear the journal
         * @description Forgets every entry, or only one provider's.
         */
        delete: operations["clearJournal"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scenarios": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List loaded scenarios
         * @description The named scenarios loaded at start-up (shipped and `--scenarios DIR`), by provider then name. Inline scenarios given to `POST /scenarios/active` are not named here.
         */
        get: operations["listScenarios"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scenarios/active": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List active scenarios
         * @description Every activation: those made through this API, and those made per request by an
         *     `X-Mock-Scenario` header (one per provider, tenant and name, created on first use),
         *     with how many times each rule has fired.
         */
        get: operations["listActiveScenarios"];
        put?: never;
        /**
         * Activate a scenario
         * @description Switches a scenario on for every tenant of the provider, or for one `tenant` (the
         *     provider's isolation key: an xAI API key or team, an Airweave organisation, a
         *     Mixpeek namespace owner, a Ctxfy user). Name a loaded scenario with `name`, or give
         *     one inline with `scenario`, in the format of `scenarios/schema.json` (its `provider`
         *     may be left out; `name` defaults to `inline`). An inline scenario is checked like a
         *     scenario file; a problem is a 400 naming the rule and the field.
         *
         *     Activations are tried oldest first, after any named in the request's
         *     `X-Mock-Scenario` header and with a tenant's before everyone's; a rule with
         *     `times: N` fires N times per activation, then falls through.
         */
        post: operations["activateScenario"];
        /**
         * Deactivate every scenario
         * @description Switches off every activation (admin and header ones, so header counts start again), or only one provider's, or one tenant's of that provider.
         */
        delete: operations["deactivateAllScenarios"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scenarios/active/{activationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Deactivate one scenario
         * @description Switches one activation off and answers it as it last stood.
         */
        delete: operations["deactivateScenario"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the data
         * @description Every mounted provider's tenants and their records (or one provider's, with
         *     `provider`), as one JSON document that `PUT /state` and `--persist` read back.
         *     Scheduled lifecycle steps are not in it: a state loaded back re-arms whatever was
         *     running. Scenario activations, the journal, deliveries and the clock are not part
         *     of it.
         */
        get: operations["exportState"];
        /**
         * Load data
         * @description Replaces the data of every provider the document names with the document's (the
         *     other providers keep theirs): their current tenants are dropped, the saved ones
         *     rebuilt and their running lifecycles re-armed. All-or-nothing: the whole document is
         *     checked first (its format, its version, the `SavedState` schema, then what records
         *     refer to and what must be unique), the new data is built aside, and it replaces the
         *     old only once all of it is built; a document that cannot be loaded is a 400 that
         *     names the first bad place as a JSON pointer into the document, and changes nothing.
         *     Any document the mock exports is taken: bodies up to the largest JSON text Node.js
         *     can parse (`buffer.constants.MAX_STRING_LENGTH` bytes, 512 MiB on 64-bit), whatever
         *     the JSON and upload limits.
         */
        put: operations["importState"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the clock
         * @description The clock's mode, the time and the number of scheduled tasks (lifecycle steps, delivery retries) not yet run.
         */
        get: operations["getClock"];
        /**
         * Switch the clock's mode
         * @description `manual` freezes time where it is: lifecycles wait for `POST /clock/advance`.
         *     `real` lets time run at the wall clock's pace from where it stands (no jump).
         *     Scheduled tasks keep their due times either way.
         */
        put: operations["setClockMode"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clock/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Advance a manual clock
         * @description Moves a manual clock forward by `ms`, running every task that falls due on the way, in time order (tasks scheduled by tasks too). A real clock cannot be advanced (409).
         */
        post: operations["advanceClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List deliveries
         * @description Every outbound delivery (postback, webhook) the providers made, oldest first, with each attempt and what came back.
         */
        get: operations["listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliveries/{deliveryId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry a failed delivery
         * @description One more attempt, now, of a delivery whose attempts are exhausted (`failed`); if it fails too, the delivery is `failed` again. A delivery that is pending or delivered is returned as it is.
         */
        post: operations["retryDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/journal/{entryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One journal entry, with its request and reply
         * @description The entry, and what went over the wire while the server captured exchanges (it does
         *     unless started with `--no-console`): the request's headers and body, the reply's headers
         *     and body (each body up to 64 KiB; `truncated` says when one was cut), and where the
         *     reply broke its spec (self-check findings). Vendor credentials are shown as sent, so the
         *     request can be replayed; the mock's own secrets are hidden.
         */
        get: operations["getJournalEntry"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The journal, live, as server-sent events
         * @description The requests the providers answer from now on. Every 250 ms in which some were
         *     journaled, one event `requests` whose data is `{"entries": [JournalEntry, …],
         *     "skipped": N}`: the newest 20 entries of that time, oldest first, and how many older
         *     ones were left out (the journal has them: `GET /journal`); its `id` is the last entry's
         *     id. So a busy API costs each client one write a tick, whatever its pace. Fetch an
         *     entry's request and reply with `GET /journal/{entryId}`.
         *
         *     A slow client never slows the API: each client has a bounded buffer (50 events
         *     waiting, 1 MiB unsent). A client over it gets an event `overflow` (data
         *     `{"message": "…"}`) when it can still take one, and its connection is closed;
         *     reconnect, and read what was missed from `GET /journal`. The stream stays open until
         *     the client or the server closes it.
         */
        get: operations["streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/state/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove one record from a tenant's data
         * @description Drops one record of the saved state and loads the rest back, as an export, an edit and
         *     an import would (`GET /state`, `PUT /state`), in one step. `path` alternates a table of
         *     the tenant's state and a row's key, from the top down: `["collections", "<id>",
         *     "documents", "<file id>"]` for an xAI document. The data left must pass every check
         *     an import makes (a record that others refer to cannot go alone); when it does not,
         *     nothing changes. No vendor side effect runs (no deletion event, no postback).
         */
        post: operations["removeRecord"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/records/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One record as the vendor's own GET returns it
         * @description Renders one record of a tenant's data (`path` as in `GET /state` and `POST /state/remove`:
         *     a table, a row's key, then optionally more pairs below it) through the provider's own
         *     handler for the vendor operation that reads it, with that tenant's data: the same code
         *     as the vendor's API, so the body is what that GET answers. Each provider declares which
         *     operation renders which table and where the operation's path parameters come from.
         *     Nothing changes: no request is journalled, no scenario answers, no rate limit counts it.
         *     A table no vendor GET reads (internal records, say) answers 404 with `details.reason`
         *     `no_vendor_operation`; the record as stored is then `GET /state`'s.
         */
        get: operations["getVendorRecord"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The web console
         * @description The console's page (off with `--no-console`). The page holds no data: it reads and
         *     steers the mock through this API, asking for the admin token once when the server has
         *     one. So the page itself answers anyone, like health.
         */
        get: operations["getConsole"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/assets/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A file of the web console
         * @description The console's scripts and styles, built with the package.
         */
        get: operations["getConsoleAsset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/airweave/collections/{readable_id}/entities": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description An Airweave collection's `readable_id`, in any organisation (readable ids are unique across them).
                 * @example finance-data-x7k9m2
                 */
                readable_id: string;
            };
            cookie?: never;
        };
        /**
         * Count a collection's entities
         * @description How many entities the collection holds, loaded through this API and synced by its connections, and how many chunks its index holds.
         */
        get: operations["getAirweaveEntities"];
        /**
         * Load a collection's entities
         * @description Replaces the collection's loaded entities (those of earlier loads; what its
         *     connections synced stays) with the ones given, or with `generate.count` generated
         *     ones. They are chunked, embedded and indexed before the reply, and searchable from
         *     then on, with `airweave_system_metadata.sync_id` and `sync_job_id` null. Saved with
         *     the state; deleting the collection deletes them.
         */
        put: operations["putAirweaveEntities"];
        /**
         * Add entities to a collection
         * @description Like PUT, but keeps the loaded entities it does not name (an entity whose `entity_id` is already loaded is replaced), so a large set can be loaded in batches.
         */
        post: operations["addAirweaveEntities"];
        /**
         * Delete a collection's loaded entities
         * @description Removes every loaded entity of the collection from it and from search at once; what its connections synced stays.
         */
        delete: operations["deleteAirweaveEntities"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Entities to load, or how many to generate (one of the two). */
        AirweaveEntitiesLoad: {
            entities?: components["schemas"]["AirweaveEntityInput"][];
            /**
             * @description Generated entities: plausible records (names, texts, breadcrumbs, links, times,
             *     source fields) of the source's entity types, the same for the same seed.
             */
            generate?: {
                count: number;
                /** @description A connector's `short_name` (its entity types are used) or any name (`CustomEntity`); default `custom`. */
                source_name?: string;
                /** @description Default the collection's readable_id. */
                seed?: string;
            };
        } & (unknown | unknown);
        /**
         * @description One entity, in the fields search results show. Its searched text is
         *     `textual_representation` when given, else `# <name>` over `content`.
         */
        AirweaveEntityInput: {
            /** @description Unique within the collection's loaded entities. */
            entity_id: string;
            name: string;
            textual_representation?: string;
            content?: string;
            /** @description Default `CustomEntity`. */
            entity_type?: string;
            /** @description Default `custom`. */
            source_name?: string;
            breadcrumbs?: {
                entity_id: string;
                name: string;
                entity_type: string;
            }[];
            /** Format: date-time */
            created_at?: string | null;
            /**
             * Format: date-time
             * @description Default `created_at`.
             */
            updated_at?: string | null;
            web_url?: string;
            /** @description A download URL (file entities). */
            url?: string | null;
            raw_source_fields?: {
                [key: string]: unknown;
            };
            access?: {
                viewers?: string[] | null;
                is_public?: boolean | null;
            };
        };
        AirweaveEntitiesAccepted: {
            readable_id: string;
            organization_id: string;
            /** @description Entities stored by the request. */
            accepted: number;
        };
        AirweaveEntitiesSummary: {
            readable_id: string;
            organization_id: string;
            /** @description Entities loaded through this API. */
            loaded: number;
            /** @description Entities its connections' syncs (and federated sources) brought. */
            synced: number;
            /** @description Chunks in the collection's search index. */
            chunks: number;
        };
        /** @description The admin API's error envelope. */
        Error: {
            /**
             * @description The mock's neutral error kind.
             * @enum {string}
             */
            error: "validation" | "bad_request" | "unauthenticated" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "payload_too_large" | "unsupported_media_type" | "unprocessable" | "rate_limited" | "internal";
            message: string;
            /** @description More about the error: `issues` (schema problems) for `validation`; `rule` (1-based, or null for the whole scenario) and `field` for a refused inline scenario. */
            details?: {
                [key: string]: unknown;
            };
        };
        ProviderRef: {
            name: string;
            prefix: string;
            /**
             * @description The tables of its saved state that a vendor GET renders (`GET /records/{provider}`), each
             *     as its tables from the top down (`[collections, documents]`). A record of any other table
             *     is the mock's own data, seen only as stored.
             */
            records?: string[][];
        };
        Health: {
            /** @constant */
            status: "ok";
            /** @description The mounted providers and their prefixes. */
            providers: components["schemas"]["ProviderRef"][];
            /** @description The provider also served at `/` (`--root`), if any. */
            root: string | null;
            clock: components["schemas"]["ClockMode"];
            /** @description Duration of every simulated lifecycle step (`--processing-ms`). */
            processing_ms: number;
            /** @description Scenarios loaded. */
            scenarios: number;
            /** @description Entries in the journal. */
            journal: number;
            /** @description Whether the rest of the admin API needs the admin token (`--admin-token`); the console asks for it when it does. */
            adminToken?: boolean;
            /** @description Whether the web console is served at `/__mock/console` (off with `--no-console`, or when it was not built). */
            console?: boolean;
        };
        HealthLoading: {
            /** @constant */
            status: "loading";
            /** @description What is still loading, in the order it loads - `state` (the `--persist` file) and `fixtures` (the demo data, `--fixtures` and `--fake`; not loaded when the state was restored). */
            loading: ("state" | "fixtures")[];
            /** @description Requests received meanwhile, to be answered once loading ends. */
            waiting: number;
        };
        /**
         * @description The mock's data (`GET /state`, `PUT /state`, `--persist`), format
         *     `collections-mock/state` version 1. Each provider's entry maps its tenants (the
         *     isolation key the journal's `tenant` shows) to that tenant's records, in the shapes
         *     below. Tables, maps and bytes are tagged with a `$$` key so they can be rebuilt:
         *     `{"$$": "table", "key": "<id field>", "rows": […]}`,
         *     `{"$$": "map", "entries": [[key, value], …]}`, `{"$$": "bytes", "v": "<base64>"}`;
         *     a client's own object that has a `$$` key is written `{"$$": "object", "v": {…}}`.
         *     Times are whole epoch microseconds, milliseconds or seconds as each field says.
         *     A load checks the whole document against this schema, then what records refer to
         *     (a document's file, a connection's collection, a collection's space…) and what must be
         *     unique (ids within a table, and across tenants where the vendor keeps one namespace),
         *     before anything is replaced.
         */
        SavedState: {
            /** @constant */
            format: "collections-mock/state";
            /**
             * @description The version of this format; a document of another version is refused, naming the versions this mock reads.
             * @constant
             */
            version: 1;
            /** Format: date-time */
            savedAt: string;
            /** @description Provider name → tenant → state. Only the providers named are replaced by a load. */
            providers: {
                xai?: {
                    [key: string]: components["schemas"]["StateXaiTenant"];
                };
                airweave?: {
                    [key: string]: components["schemas"]["StateAirweaveTenant"];
                };
                mixpeek?: {
                    [key: string]: components["schemas"]["StateMixpeekTenant"];
                };
                ctxfy?: {
                    [key: string]: components["schemas"]["StateCtxfyTenant"];
                };
            };
        };
        /**
         * @description A `SavedState` document. It is checked by the load itself rather than by request
         *     validation, so that a refused load names its first bad path with one message: the
         *     format, then the version, then the schema, then what records refer to.
         */
        StateImport: unknown;
        /** @description Epoch microseconds (1970 to 9999). */
        StateMicros: number;
        /** @description Epoch microseconds (1970 to 9999), or null. */
        StateMicrosOrNull: number | null;
        /** @description Epoch milliseconds (1970 to 9999). */
        StateMillis: number;
        /** @description Epoch milliseconds (1970 to 9999), or null. */
        StateMillisOrNull: number | null;
        /** @description Epoch seconds (1970 to 9999), or null. */
        StateSecondsOrNull: number | null;
        /** @description A count or a creation number. */
        StateCount: number;
        StateId: string;
        /** @description Bytes, base64. */
        StateBytes: {
            /** @constant */
            $$: "bytes";
            v: string;
        };
        /** @description Any JSON value as a client sent it (an object of it as `StateJsonObject`). */
        StateJson: unknown;
        /** @description A JSON object as a client sent it; one that has a `$$` key is written `{"$$": "object", "v": {…}}`. */
        StateJsonObject: {
            [key: string]: unknown;
        };
        /** @description A `StateJsonObject`, or null. */
        StateJsonObjectOrNull: {
            [key: string]: unknown;
        } | null;
        /** @description Names to strings as a client sent them; with a `$$` name it is written `{"$$": "object", "v": {…}}`. */
        StateStringMap: {
            [key: string]: unknown;
        };
        /** @description One xAI team (`key:<API key>` without `--api-keys`, else the team's name). */
        StateXaiTenant: {
            collections: {
                /** @constant */
                $$: "table";
                /** @constant */
                key: "id";
                rows: components["schemas"]["StateXaiCollection"][];
            };
            files: {
                /** @constant */
                $$: "table";
                /** @constant */
                key: "id";
                rows: components["schemas"]["StateXaiFile"][];
            };
            /** @description Deleted files' sort keys, by file id, so a files-list token naming one still resumes in place. */
            tombstones: {
                /** @constant */
                $$: "map";
                entries: [
                    components["schemas"]["StateId"],
                    components["schemas"]["StateXaiTombstone"]
                ][];
            };
        };
        StateXaiCollection: {
            id: components["schemas"]["StateId"];
            name: string;
            createdAt: components["schemas"]["StateMicros"];
            modelName: string;
            /** @description As xai.yaml's `ChunkConfiguration` (checked against it), or null. */
            chunkConfiguration: components["schemas"]["StateJsonObjectOrNull"];
            /** @description Each as xai.yaml's `FieldDefinition` (checked against it). */
            fieldDefinitions: components["schemas"]["StateJsonObject"][];
            description?: string;
            /** @description The collection's documents, keyed by the file each one is. */
            documents: {
                /** @constant */
                $$: "table";
                /** @constant */
                key: "fileId";
                rows: components["schemas"]["StateXaiDocument"][];
            };
        };
        StateXaiDocument: {
            /** @description A file of the same tenant. */
            fileId: components["schemas"]["StateId"];
            fields: components["schemas"]["StateStringMap"];
            /** @description As xai.yaml's `DocumentStatus` (checked against it); a document saved PROCESSING is indexed again after a load. */
            status: string;
            errorMessage: string;
            lastIndexedAt: components["schemas"]["StateMicrosOrNull"];
            chunkCount?: components["schemas"]["StateCount"];
            chunksProcessed?: components["schemas"]["StateCount"];
        };
        StateXaiFile: {
            id: components["schemas"]["StateId"];
            filename: string;
            data: components["schemas"]["StateBytes"];
            contentType: string;
            createdAt: components["schemas"]["StateMicros"];
            expiresAt: components["schemas"]["StateSecondsOrNull"];
            hash: string;
        };
        StateXaiTombstone: {
            createdAt: components["schemas"]["StateMicros"];
            filename: string;
            bytes: components["schemas"]["StateCount"];
        };
        /** @description One Airweave organisation (its id is the tenant). */
        StateAirweaveTenant: {
            /** @description The tenant it is saved under. */
            organizationId: components["schemas"]["StateId"];
            /** @description Collections, keyed by `readableId` (unique across organisations, as the vendor's). */
            collections: {
                /** @constant */
                $$: "table";
                /** @constant */
                key: "readableId";
                rows: components["schemas"]["StateAirweaveCollection"][];
            };
            connections: {
                /** @constant */
                $$: "table";
                /** @constant */
                key: "id";
                rows: components["schemas"]["StateAirweaveConnection"][];
            };
            jobs: {
                /** @constant */
                $$: "table";
                /** @constant */
                key: "id";
                rows: components["schemas"]["StateAirweaveJob"][];
            };
            /**
             * @description What syncs and the admin API put in the collections (their chunks, vectors and
             *     indexes are derived: rebuilt when the state is loaded). A document saved before
             *     entities were kept has none.
             */
            entities?: {
                /** @constant */
                $$: "table";
                /** @constant */
                key: "key";
                rows: components["schemas"]["StateAirweaveEntity"][];
            };
            /** @description The last creation number given (no record's is higher). */
            seq: components["schemas"]["StateCount"];
        };
        StateAirweaveEntity: {
            /** @description `c:<connection id>:<entity id>` for a synced entity, `l:<readable id>:<entity id>` for a loaded one. */
            key: components["schemas"]["StateId"];
            seq: components["schemas"]["StateCount"];
            /** @description The `readableId` of a collection of the same organisation. */
            collection: string;
            /** @description The connection (of the same collection) whose sync produced it; null for a loaded entity. */
            connectionId: string | null;
            entityId: components["schemas"]["StateId"];
            entityType: string;
            sourceName: string;
            name: string;
            /** @description The textual representation. */
            text: string;
            breadcrumbs: {
                entity_id: string;
                name: string;
                entity_type: string;
            }[];
            /**
             * Format: date-time
             * @description UTC ISO 8601 with `Z`, or null.
             */
            createdAt: string | null;
            /** Format: date-time */
            updatedAt: string | null;
            webUrl: string;
            url: string | null;
            fields: components["schemas"]["StateJsonObject"];
            access: {
                viewers: string[] | null;
                isPublic: boolean | null;
            } | null;
            syncId: string | null;
            jobId: string | null;
            hash: string;
        };
        StateAirweaveCollection: {
            id: components["schemas"]["StateId"];
            seq: components["schemas"]["StateCount"];
            name: string;
            readableId: components["schemas"]["StateId"];
            /** @description As airweave.yaml's `SyncConfig` (checked against it), or null. */
            syncConfig: components["schemas"]["StateJsonObjectOrNull"];
            createdAt: components["schemas"]["StateMicros"];
            modifiedAt: components["schemas"]["StateMicros"];
        };
        StateAirweaveConnection: {
            id: components["schemas"]["StateId"];
            seq: components["schemas"]["StateCount"];
            name: string;
            shortName: string;
            /** @description The `readableId` of a collection of the same organisation. */
            collection: string;
            description: string | null;
            config: components["schemas"]["StateJsonObject"];
            /** @description As airweave.yaml's `AuthenticationMethod` (checked against it). */
            method: string;
            authenticated: boolean;
            authenticatedAt: components["schemas"]["StateMicrosOrNull"];
            /** @description The pending OAuth code (unique across organisations), or null. */
            authCode: string | null;
            credentials: components["schemas"]["StateJsonObjectOrNull"];
            providerReadableId: string | null;
            redirectUrl: string | null;
            authUrl: string | null;
            authUrlExpires: components["schemas"]["StateMicrosOrNull"];
            sync: {
                id: components["schemas"]["StateId"];
                /** @description A cron expression the mock can read, or null. */
                cron: string | null;
                continuous: boolean;
                cursorField: string | null;
            } | null;
            federated: boolean;
            createdAt: components["schemas"]["StateMicros"];
            modifiedAt: components["schemas"]["StateMicros"];
            entitiesTotal: components["schemas"]["StateCount"];
            entitiesUpdatedAt: components["schemas"]["StateMicrosOrNull"];
        };
        StateAirweaveJob: {
            id: components["schemas"]["StateId"];
            seq: components["schemas"]["StateCount"];
            /** @description A connection of the same organisation. */
            connectionId: string;
            /** @description As airweave.yaml's `SyncJobStatus` (checked against it); a job saved pending, running or cancelling goes on after a load. */
            status: string;
            createdAt: components["schemas"]["StateMicros"];
            startedAt: components["schemas"]["StateMicrosOrNull"];
            completedAt: components["schemas"]["StateMicrosOrNull"];
            inserted: components["schemas"]["StateCount"];
            updated: components["schemas"]["StateCount"];
            deleted: components["schemas"]["StateCount"];
            failed: components["schemas"]["StateCount"];
            error: string | null;
            /** @description As airweave.yaml's `SourceConnectionErrorCategory` (checked against it). */
            errorCategory: string | null;
        };
        /** @description One Mixpeek organisation (its id is the tenant). */
        StateMixpeekTenant: {
            /** @description The tenant it is saved under. */
            organization: components["schemas"]["StateId"];
            namespaces: {
                /** @constant */
                $$: "table";
                /** @constant */
                key: "id";
                rows: components["schemas"]["StateMixpeekNamespace"][];
            };
            /** @description Tasks by `task_id`. */
            tasks: {
                /** @constant */
                $$: "map";
                entries: [
                    components["schemas"]["StateId"],
                    components["schemas"]["StateMixpeekTask"]
                ][];
            };
            /** @description The last creation number given (no record's is higher). */
            seq: components["schemas"]["StateCount"];
        };
        StateMixpeekNamespace: {
            id: components["schemas"]["StateId"];
            seq: components["schemas"]["StateCount"];
            name: string;
            config: components["schemas"]["StateJsonObject"];
            buckets: {
                /** @constant */
                $$: "table";
                /** @constant */
                key: "id";
                rows: components["schemas"]["StateMixpeekBucket"][];
            };
            collections: {
                /** @constant */
                $$: "table";
                /** @constant */
                key: "id";
                rows: components["schemas"]["StateMixpeekCollection"][];
            };
            /** @description Absent in states saved before retrievers were served (read as none). */
            retrievers?: {
                /** @constant */
                $$: "table";
                /** @constant */
                key: "id";
                rows: components["schemas"]["StateMixpeekRetriever"][];
            };
            /** @description Absent in states saved before retrievers were served (read as none). */
            executions?: {
                /** @constant */
                $$: "table";
                /** @constant */
                key: "id";
                rows: components["schemas"]["StateMixpeekExecution"][];
            };
            createdAt: components["schemas"]["StateMicros"];
            updatedAt: components["schemas"]["StateMicros"];
        };
        StateMixpeekRetriever: {
            id: components["schemas"]["StateId"];
            seq: components["schemas"]["StateCount"];
            name: string;
            description?: string;
            /** @description Ids of collections of its namespace (a deleted one stays, and its executions are 404s). */
            collectionIds: string[];
            /** @description As mixpeek.yaml's `StageConfig` (checked against it and the stage registry). */
            stages: components["schemas"]["StateJsonObject"][];
            /** @description As mixpeek.yaml's `RetrieverInputSchema` (checked against it). */
            inputSchema: components["schemas"]["StateJsonObject"];
            budgetLimits?: components["schemas"]["StateJsonObject"];
            tags: string[];
            displayConfig?: components["schemas"]["StateJsonObject"];
            /** @enum {string} */
            visibility: "private" | "public" | "marketplace";
            requiresSubscription: boolean;
            marketplaceListingId?: string;
            version: number;
            createdAt: components["schemas"]["StateMicros"];
            updatedAt: components["schemas"]["StateMicros"];
        };
        StateMixpeekExecution: {
            id: components["schemas"]["StateId"];
            seq: components["schemas"]["StateCount"];
            /** @description The saved retriever it ran (a retriever of its namespace); absent for an ad-hoc execution. */
            retrieverId?: string;
            /** @enum {string} */
            status: "completed" | "failed";
            error?: string;
            inputs: components["schemas"]["StateJsonObject"];
            collectionIds: string[];
            /** @description The page it returned, as returned. */
            documents: components["schemas"]["StateJsonObject"][];
            pagination: components["schemas"]["StateJsonObject"];
            stageStatistics: components["schemas"]["StateJsonObject"];
            budget: components["schemas"]["StateJsonObject"];
            totalStages: components["schemas"]["StateCount"];
            stagesCompleted: components["schemas"]["StateCount"];
            totalProcessed: components["schemas"]["StateCount"];
            totalReturned: components["schemas"]["StateCount"];
            creditsUsed: number;
            durationMs: number;
            createdAt: components["schemas"]["StateMicros"];
            completedAt: components["schemas"]["StateMicros"];
        };
        StateMixpeekBucket: {
            id: components["schemas"]["StateId"];
            seq: components["schemas"]["StateCount"];
            name: string;
            description?: string;
            /** @description As mixpeek.yaml's `BucketSchema` (checked against it). */
            schema: components["schemas"]["StateJsonObject"];
            /** @description As mixpeek.yaml's `UniqueKeyConfig` (checked against it). */
            uniqueKey?: components["schemas"]["StateJsonObject"];
            metadata: components["schemas"]["StateJsonObject"];
            objects: {
                /** @constant */
                $$: "table";
                /** @constant */
                key: "id";
                rows: components["schemas"]["StateMixpeekObject"][];
            };
            createdAt: components["schemas"]["StateMicros"];
            updatedAt: components["schemas"]["StateMicros"];
            lastUploadAt?: components["schemas"]["StateMicros"];
            /** @enum {string} */
            status: "ACTIVE" | "IN_PROGRESS";
        };
        StateMixpeekObject: {
            id: components["schemas"]["StateId"];
            seq: components["schemas"]["StateCount"];
            /** @description The bucket that holds it. */
            bucketId: string;
            keyPrefix?: string;
            blobs: components["schemas"]["StateMixpeekBlob"][];
            extra: components["schemas"]["StateJsonObject"];
            /** @description As mixpeek.yaml's `TaskStatusEnum` (checked against it); an object saved PENDING or PROCESSING is processed again after a load. */
            status: string;
            /** @description Why its processing failed (status FAILED). */
            error?: string;
            createdAt: components["schemas"]["StateMicros"];
            updatedAt: components["schemas"]["StateMicros"];
        };
        StateMixpeekBlob: {
            blob_id: components["schemas"]["StateId"];
            property: string;
            type: string;
            key_prefix?: string;
            data?: components["schemas"]["StateJson"];
            properties: components["schemas"]["StateJsonObject"];
            details: components["schemas"]["StateJsonObject"];
        };
        StateMixpeekCollection: {
            id: components["schemas"]["StateId"];
            seq: components["schemas"]["StateCount"];
            name: string;
            config: components["schemas"]["StateJsonObject"];
            source: {
                type: string;
                bucketIds: string[];
                prefixKey?: string;
                filter: components["schemas"]["StateJsonObjectOrNull"];
            };
            outputSchema: components["schemas"]["StateJsonObject"];
            enabled: boolean;
            documents: {
                /** @constant */
                $$: "table";
                /** @constant */
                key: "id";
                rows: components["schemas"]["StateMixpeekDocument"][];
            };
            createdAt: components["schemas"]["StateMicros"];
            updatedAt: components["schemas"]["StateMicros"];
        };
        StateMixpeekDocument: {
            id: components["schemas"]["StateId"];
            seq: components["schemas"]["StateCount"];
            fields: components["schemas"]["StateJsonObject"];
            /** @description Vector index name → vector. */
            vectors: {
                [key: string]: number[];
            };
            blobs: components["schemas"]["StateJsonObject"][];
            lineage: components["schemas"]["StateJsonObject"];
            createdAt: components["schemas"]["StateMicros"];
            updatedAt: components["schemas"]["StateMicros"];
        };
        StateMixpeekTask: {
            /** @description The key it is saved under. */
            task_id: components["schemas"]["StateId"];
            task_type: string;
            /** @description As mixpeek.yaml's `TaskStatusEnum` (checked against it); an unfinished task finishes after a load. */
            status: string;
            inputs?: components["schemas"]["StateJsonObject"][];
            createdAt: components["schemas"]["StateMicros"];
        };
        /** @description One Ctxfy user (their id is the tenant). */
        StateCtxfyTenant: {
            /** @description The tenant it is saved under. */
            userId: components["schemas"]["StateId"];
            spaces: {
                /** @constant */
                $$: "table";
                /** @constant */
                key: "id";
                rows: components["schemas"]["StateCtxfySpace"][];
            };
            collections: {
                /** @constant */
                $$: "table";
                /** @constant */
                key: "id";
                rows: components["schemas"]["StateCtxfyCollection"][];
            };
            sources: {
                /** @constant */
                $$: "table";
                /** @constant */
                key: "id";
                rows: components["schemas"]["StateCtxfySource"][];
            };
            /** @description Uploads by `fileKey`. */
            uploads: {
                /** @constant */
                $$: "map";
                entries: [
                    components["schemas"]["StateId"],
                    components["schemas"]["StateCtxfyUpload"]
                ][];
            };
            /** @description Minted API keys (their secrets unique across users). */
            apiKeys: {
                /** @constant */
                $$: "table";
                /** @constant */
                key: "id";
                rows: components["schemas"]["StateCtxfyApiKey"][];
            };
            /** @description The last creation number given (no record's is higher). */
            seq: components["schemas"]["StateCount"];
        };
        StateCtxfySpace: {
            id: components["schemas"]["StateId"];
            seq: components["schemas"]["StateCount"];
            name: string;
            description: string | null;
            createdAt: components["schemas"]["StateMillis"];
            updatedAt: components["schemas"]["StateMillis"];
        };
        StateCtxfyCollection: {
            id: components["schemas"]["StateId"];
            seq: components["schemas"]["StateCount"];
            /** @description A space of the same user. */
            spaceId: string;
            /** @description A collection of the same space (and not one of its own descendants), or null for a root. */
            parentId: string | null;
            name: string;
            createdAt: components["schemas"]["StateMillis"];
            updatedAt: components["schemas"]["StateMillis"];
        };
        StateCtxfySource: {
            id: components["schemas"]["StateId"];
            seq: components["schemas"]["StateCount"];
            /** @description A space of the same user. */
            spaceId: string;
            /** @description A collection of the same space, or null. */
            collectionId: string | null;
            /** @description As ctxfy.yaml's `SourceType` (checked against it). */
            type: string;
            name: string;
            description: string | null;
            /** @description As ctxfy.yaml's `SourceStatus` (checked against it); a source saved CREATED, PENDING or PROCESSING goes on after a load. */
            status: string;
            message: string | null;
            pinned: boolean;
            /** @description As ctxfy.yaml's `SourceInitialData` (checked against it). */
            initialData: components["schemas"]["StateJsonObject"];
            /** @description As ctxfy.yaml's `SourceInstructions` (checked against it). */
            instructions: components["schemas"]["StateJsonObject"];
            hasContent: boolean;
            deletedAt: components["schemas"]["StateMillisOrNull"];
            createdAt: components["schemas"]["StateMillis"];
            updatedAt: components["schemas"]["StateMillis"];
            /** @description The run in progress or the last one. */
            run?: {
                /** @description As ctxfy.yaml's `SourceType` (checked against it). */
                type: string;
                /** @description As ctxfy.yaml's `SourceInitialData` (checked against it). */
                initialData: components["schemas"]["StateJsonObject"];
                postbackUrl?: string;
            };
        };
        StateCtxfyUpload: {
            /** @description The key it is saved under. */
            fileKey: components["schemas"]["StateId"];
            filename: string;
            contentType: string;
            size: components["schemas"]["StateCount"];
            issuedAt: components["schemas"]["StateMillis"];
            bytes?: components["schemas"]["StateBytes"];
            storedType?: string;
        };
        StateCtxfyApiKey: {
            id: components["schemas"]["StateId"];
            /** @description The tenant it is saved under. */
            userId: string;
            secret: components["schemas"]["StateId"];
            name: string | null;
            expiresAt: components["schemas"]["StateMillisOrNull"];
            createdAt: components["schemas"]["StateMillis"];
            revokedAt: components["schemas"]["StateMillisOrNull"];
            seq: components["schemas"]["StateCount"];
        };
        ImportResult: {
            /** @description The providers whose data was replaced. */
            providers: string[];
            /** @description Tenant states loaded. */
            tenants: number;
        };
        ResetRequest: {
            /** @description Reset only this provider. */
            provider?: string;
            /** @description Reset only this tenant of `provider` (its isolation key, as the journal's `tenant` shows it). */
            tenant?: string;
        };
        ResetResult: {
            /** @enum {string} */
            scope: "all" | "provider" | "tenant";
            /** @description The providers whose state was reset. */
            providers: string[];
            tenant: string | null;
            /** @description Tenant states dropped. */
            tenants: number;
            /** @description Scheduled tasks cancelled. */
            tasks: number;
            /** @description Journal entries dropped. */
            journal: number;
            /** @description Scenario activations switched off. */
            activations: number;
            /** @description Delivery records dropped. */
            deliveries: number;
        };
        Cleared: {
            cleared: number;
        };
        JournalEntry: {
            /** @description Increasing with arrival. */
            id: number;
            /**
             * Format: date-time
             * @description When the request arrived, on the mock's clock.
             */
            at: string;
            atMs: number;
            provider: string;
            /** @description The operation the request matched; null for an unknown route. */
            operationId: string | null;
            method: string;
            /** @description Path and query as received. */
            url: string;
            /** @description The status sent; 0 when the connection was dropped or never answered (faults). */
            status: number;
            /** @description The tenant the credentials named; null when the request was refused before. */
            tenant: string | null;
            durationMs: number;
            /** @description The scenario rule that answered, when one did. */
            scenario?: {
                name: string;
                /** @description 1-based. */
                rule: number;
                activation: string;
            };
            /** @description The Prism-style `Prefer` header that decided the reply. */
            prefer?: string;
            fault?: components["schemas"]["JournalFault"];
            /** @description For a reply of server-sent events, how many events were sent. */
            events?: number;
            /** @description The reply did not match the provider's spec (the response self-check, which also logs it as an error): where and what. In the default mode the reply was sent as it was; with strict checking a 500 was sent instead. */
            selfCheck?: {
                issues: {
                    location: string;
                    /** @description A JSON pointer into the part named by `location`. */
                    pointer: string;
                    rule: string;
                    message: string;
                }[];
            };
        };
        JournalList: {
            entries: components["schemas"]["JournalEntry"][];
            /** @description Entries held (before filtering). */
            size: number;
            /** @description The most entries kept (`--journal-size`); older ones are dropped. */
            capacity: number;
        };
        /** @enum {string} */
        Fault: "connection_reset" | "empty_response" | "malformed_json" | "timeout";
        /**
         * @description The fault a scenario made: a rule's `fault`, or for a stream rule `stream_error` (the
         *     provider's error event ended the stream) or `stream_close` (the connection was closed).
         * @enum {string}
         */
        JournalFault: "connection_reset" | "empty_response" | "malformed_json" | "timeout" | "stream_error" | "stream_close";
        /** @description One rule, as in `scenarios/schema.json` (the format's source of truth, so fields it adds later pass here). */
        ScenarioRule: {
            match?: {
                operation?: string | string[];
                method?: string;
                path?: {
                    [key: string]: unknown;
                };
                query?: {
                    [key: string]: unknown;
                };
                body?: {
                    [key: string]: unknown;
                };
            };
            times?: number;
            respond?: {
                status: number;
                headers?: {
                    [key: string]: unknown;
                };
                body?: unknown;
                example?: string;
                message?: string;
            };
            delay?: number | {
                min: number;
                max: number;
            };
            fault?: components["schemas"]["Fault"];
            stream?: {
                after: number;
                /** @enum {string} */
                fault: "error" | "close";
                message?: string;
            };
        };
        Scenario: {
            provider: string;
            name: string;
            description?: string;
            /** @description The file it was loaded from. */
            source: string;
            /** @description Whether it is one of the library shipped with the mock (`scenarios/`), rather than one of `--scenarios DIR`. */
            shipped?: boolean;
            rules: components["schemas"]["ScenarioRule"][];
        };
        ScenarioList: {
            scenarios: components["schemas"]["Scenario"][];
        };
        ActivateRequest: {
            /** @description A mounted provider. */
            provider: string;
            /** @description A loaded scenario of that provider (see `GET /scenarios`). */
            name?: string;
            /** @description An inline scenario in the format of `scenarios/schema.json`; checked like a scenario file. */
            scenario?: {
                [key: string]: unknown;
            };
            /** @description Only this tenant's requests (its isolation key, as the journal's `tenant` shows it); absent, everyone's. */
            tenant?: string;
        } & (unknown | unknown);
        Activation: {
            id: string;
            provider: string;
            name: string;
            /** @description The one tenant it applies to; null for everyone. */
            tenant: string | null;
            /**
             * @description `admin`: through this API; `header`: named in a request's `X-Mock-Scenario` header (counted per tenant).
             * @enum {string}
             */
            via: "admin" | "header";
            /** Format: date-time */
            activatedAt: string;
            /** @description The scenario's file, or `inline`. */
            source: string;
            rules: components["schemas"]["RuleCount"][];
        };
        RuleCount: {
            /** @description 1-based, in the scenario's order. */
            rule: number;
            /** @description How many times it may fire; null for always. */
            times: number | null;
            /** @description How many times it has fired under this activation. */
            hits: number;
            /** @description It has fired `times` times and now falls through. */
            spent: boolean;
        };
        ActivationList: {
            activations: components["schemas"]["Activation"][];
        };
        /**
         * @description `real` runs with the wall clock; `manual` moves only when advanced.
         * @enum {string}
         */
        ClockMode: "real" | "manual";
        ClockState: {
            mode: components["schemas"]["ClockMode"];
            /** Format: date-time */
            now: string;
            nowMs: number;
            /** @description Scheduled tasks not yet run. */
            pending: number;
        };
        SetClockMode: {
            mode: components["schemas"]["ClockMode"];
        };
        AdvanceClock: {
            /** @description Milliseconds to move forward (up to ten years). */
            ms: number;
        };
        DeliveryAttempt: {
            /** Format: date-time */
            at: string;
            atMs: number;
            /** @description The receiver's status, when it answered. */
            status?: number;
            /** @description Why the attempt failed without a status (refused connection, timeout). */
            error?: string;
        };
        Delivery: {
            id: string;
            provider: string | null;
            url: string;
            /** @description What it is about, e.g. the event. */
            topic: string;
            /** @description The JSON body sent. */
            body: unknown;
            /** @description Headers sent besides Content-Type. */
            headers: {
                [key: string]: string;
            };
            attempts: components["schemas"]["DeliveryAttempt"][];
            /**
             * @description `pending`: more attempts may follow; `delivered`: a 2xx came back; `failed`: attempts exhausted.
             * @enum {string}
             */
            state: "pending" | "delivered" | "failed";
        };
        DeliveryList: {
            deliveries: components["schemas"]["Delivery"][];
        };
        /** @description A request and its reply as they went over the wire. Bodies are text (UTF-8), each cut at 64 KiB. */
        Exchange: {
            requestHeaders: {
                [key: string]: string;
            };
            requestBody: string;
            requestBodyBytes: number;
            responseHeaders: {
                [key: string]: string;
            };
            responseBody: string;
            responseBodyBytes: number;
            /** @description A body was longer than what is kept. */
            truncated: boolean;
            /** @description Where the reply broke its spec; empty when it conforms. */
            selfCheck: {
                location: string;
                pointer: string;
                rule: string;
                message: string;
            }[];
        };
        JournalEntryDetail: {
            entry: components["schemas"]["JournalEntry"];
            exchange: components["schemas"]["Exchange"] | null;
        };
        /** @description A record as the vendor's GET operation answers it for the tenant. */
        VendorRecord: {
            provider: string;
            tenant: string;
            /** @description The record's path in the tenant's data, as asked. */
            record: string[];
            /** @description The vendor operation (its spec's operationId) that rendered the record. */
            operationId: string;
            /** @enum {string} */
            method: "GET";
            /** @description The vendor's request path, below the provider's prefix, as the operation's path template filled in. */
            path: string;
            /** @description The status the vendor operation answered. */
            status: number;
            /** @description The vendor's reply body (the record; for an operation that lists, the record's item of the list). */
            body: unknown;
        };
        RemoveRecord: {
            provider: string;
            tenant: string;
            /** @description A table's name and a row's key, then optionally more pairs below it. */
            path: string[];
        };
        RemovedRecord: {
            provider: string;
            tenant: string;
            path: string[];
            /** @description The record as the saved state holds it. */
            record: {
                [key: string]: unknown;
            };
        };
    };
    responses: {
        /** @description The request breaks this document, or names something that does not exist here (a provider that is not mounted), or an inline scenario is invalid. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The server has an admin token and the request did not present it. */
        Unauthorized: {
            headers: {
                /** @description `Bearer realm="collections-mock admin"`. */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "unauthenticated",
                 *       "message": "This server needs an admin token - send Authorization Bearer or X-Mock-Admin-Token."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The server has no admin token and the request does not come from loopback, or comes from a browser page served from elsewhere (its `Origin` is not localhost, 127.x or [::1]). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "forbidden",
                 *       "message": "The admin API answers only loopback clients unless the server is started with --admin-token."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No such scenario or activation. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "not_found",
                 *       "message": "No active scenario act_9."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The clock is real and cannot be advanced. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "conflict",
                 *       "message": "The clock is real; switch it to manual (PUT /__mock/clock) before advancing it."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is over the server's JSON limit. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "payload_too_large",
                 *       "message": "Request body exceeds the limit of 1048576 bytes."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is not JSON. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "unsupported_media_type",
                 *       "message": "Unsupported Content-Type text/plain; expected application/json."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The collection's entities, counted. */
        AirweaveEntities: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "readable_id": "finance-data-x7k9m2",
                 *       "organization_id": "3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
                 *       "loaded": 2,
                 *       "synced": 10,
                 *       "chunks": 12
                 *     }
                 */
                "application/json": components["schemas"]["AirweaveEntitiesSummary"];
            };
        };
        /** @description The entities are stored; their indexing goes on in the background (`wait=false`). */
        AirweaveEntitiesAccepted: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "readable_id": "finance-data-x7k9m2",
                 *       "organization_id": "3f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
                 *       "accepted": 2
                 *     }
                 */
                "application/json": components["schemas"]["AirweaveEntitiesAccepted"];
            };
        };
        /** @description No Airweave collection has this `readable_id`, or Airweave is not mounted. */
        AirweaveCollectionNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "not_found",
                 *       "message": "No Airweave collection finance-data-x7k9m2."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description A bug in the mock. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": "internal",
                 *       "message": "Internal error"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description `false`: answer at once (202). The entities are stored at once (and saved with the
         *     state) and indexed in the background; every search of the collection and every
         *     count of its entities waits for that, and a failure to index them is logged.
         *     Fixture files use it so that start-up does not wait for the entities to be
         *     chunked and embedded.
         */
        AirweaveEntitiesWait: boolean;
        /** @description A mounted provider's name (`xai`, `airweave`, `mixpeek`, `ctxfy`); one that is not mounted is a 400. */
        ProviderFilter: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The mock is up and its data is loaded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok",
                     *       "providers": [
                     *         {
                     *           "name": "xai",
                     *           "prefix": "/xai",
                     *           "records": [
                     *             [
                     *               "collections"
                     *             ],
                     *             [
                     *               "collections",
                     *               "documents"
                     *             ]
                     *           ]
                     *         },
                     *         {
                     *           "name": "ctxfy",
                     *           "prefix": "/ctxfy",
                     *           "records": [
                     *             [
                     *               "spaces"
                     *             ]
                     *           ]
                     *         }
                     *       ],
                     *       "root": null,
                     *       "clock": "real",
                     *       "processing_ms": 1000,
                     *       "scenarios": 12,
                     *       "journal": 3,
                     *       "adminToken": false,
                     *       "console": true
                     *     }
                     */
                    "application/json": components["schemas"]["Health"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description The mock is listening but still loading its data. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "loading",
                     *       "loading": [
                     *         "fixtures"
                     *       ],
                     *       "waiting": 0
                     *     }
                     */
                    "application/json": components["schemas"]["HealthLoading"];
                };
            };
        };
    };
    resetState: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ResetRequest"];
            };
        };
        responses: {
            /** @description What was reset. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResetResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    listJournal: {
        parameters: {
            query?: {
                /** @description A mounted provider's name (`xai`, `airweave`, `mixpeek`, `ctxfy`); one that is not mounted is a 400. */
                provider?: components["parameters"]["ProviderFilter"];
                /** @description Only requests matched to this operationId. */
                operation?: string;
                /** @description Only requests answered with this status (0 = dropped without an answer). */
                status?: number;
                /** @description Only requests that arrived at or after this time, on the mock's clock - ISO 8601 (`2025-01-01T00:00:00Z`) or epoch milliseconds. */
                since?: string;
                /** @description At most this many entries (the newest). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Matching entries, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "entries": [
                     *         {
                     *           "id": 2,
                     *           "at": "2025-01-01T00:00:01.000Z",
                     *           "atMs": 1735689601000,
                     *           "provider": "xai",
                     *           "operationId": "createCollection",
                     *           "method": "POST",
                     *           "url": "/xai/v1/collections",
                     *           "status": 200,
                     *           "tenant": "xai-demo-api-key",
                     *           "durationMs": 1.42
                     *         },
                     *         {
                     *           "id": 1,
                     *           "at": "2025-01-01T00:00:00.000Z",
                     *           "atMs": 1735689600000,
                     *           "provider": "xai",
                     *           "operationId": "createCollection",
                     *           "method": "POST",
                     *           "url": "/xai/v1/collections",
                     *           "status": 429,
                     *           "tenant": "xai-demo-api-key",
                     *           "durationMs": 0.87,
                     *           "scenario": {
                     *             "name": "inline",
                     *             "rule": 1,
                     *             "activation": "act_1"
                     *           }
                     *         }
                     *       ],
                     *       "size": 2,
                     *       "capacity": 1000
                     *     }
                     */
                    "application/json": components["schemas"]["JournalList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    clearJournal: {
        parameters: {
            query?: {
                /** @description A mounted provider's name (`xai`, `airweave`, `mixpeek`, `ctxfy`); one that is not mounted is a 400. */
                provider?: components["parameters"]["ProviderFilter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many entries were dropped. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "cleared": 41
                     *     }
                     */
                    "application/json": components["schemas"]["Cleared"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    listScenarios: {
        parameters: {
            query?: {
                /** @description A mounted provider's name (`xai`, `airweave`, `mixpeek`, `ctxfy`); one that is not mounted is a 400. */
                provider?: components["parameters"]["ProviderFilter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The loaded scenarios. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "scenarios": [
                     *         {
                     *           "provider": "xai",
                     *           "name": "flaky",
                     *           "description": "The first two requests fail with 500, then everything succeeds.",
                     *           "source": "scenarios/xai/flaky.yaml",
                     *           "rules": [
                     *             {
                     *               "match": {
                     *                 "operation": "*"
                     *               },
                     *               "times": 2,
                     *               "respond": {
                     *                 "status": 500
                     *               }
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ScenarioList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    listActiveScenarios: {
        parameters: {
            query?: {
                /** @description A mounted provider's name (`xai`, `airweave`, `mixpeek`, `ctxfy`); one that is not mounted is a 400. */
                provider?: components["parameters"]["ProviderFilter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The activations, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "activations": [
                     *         {
                     *           "id": "act_1",
                     *           "provider": "xai",
                     *           "name": "inline",
                     *           "tenant": null,
                     *           "via": "admin",
                     *           "activatedAt": "2025-01-01T00:00:00.000Z",
                     *           "source": "inline",
                     *           "rules": [
                     *             {
                     *               "rule": 1,
                     *               "times": 1,
                     *               "hits": 1,
                     *               "spent": true
                     *             }
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ActivationList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    activateScenario: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActivateRequest"];
            };
        };
        responses: {
            /** @description The activation. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "act_1",
                     *       "provider": "xai",
                     *       "name": "inline",
                     *       "tenant": null,
                     *       "via": "admin",
                     *       "activatedAt": "2025-01-01T00:00:00.000Z",
                     *       "source": "inline",
                     *       "rules": [
                     *         {
                     *           "rule": 1,
                     *           "times": 1,
                     *           "hits": 0,
                     *           "spent": false
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Activation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    deactivateAllScenarios: {
        parameters: {
            query?: {
                /** @description A mounted provider's name (`xai`, `airweave`, `mixpeek`, `ctxfy`); one that is not mounted is a 400. */
                provider?: components["parameters"]["ProviderFilter"];
                /** @description Only this tenant's activations (needs `provider`). */
                tenant?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many activations were switched off. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "cleared": 2
                     *     }
                     */
                    "application/json": components["schemas"]["Cleared"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    deactivateScenario: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The activation's id (`act_…`). */
                activationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The activation that was switched off. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "act_1",
                     *       "provider": "xai",
                     *       "name": "flaky",
                     *       "tenant": null,
                     *       "via": "admin",
                     *       "activatedAt": "2025-01-01T00:00:00.000Z",
                     *       "source": "scenarios/xai/flaky.yaml",
                     *       "rules": [
                     *         {
                     *           "rule": 1,
                     *           "times": 2,
                     *           "hits": 2,
                     *           "spent": true
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Activation"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    exportState: {
        parameters: {
            query?: {
                /**
                 * @description Only this provider.
                 * @example ctxfy
                 */
                provider?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The data. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "format": "collections-mock/state",
                     *       "version": 1,
                     *       "savedAt": "2026-11-23T10:00:00.000Z",
                     *       "providers": {
                     *         "ctxfy": {
                     *           "5e0f4a2c-8b1d-4e6f-9a3c-2d7b8e1f0a45": {
                     *             "userId": "5e0f4a2c-8b1d-4e6f-9a3c-2d7b8e1f0a45",
                     *             "spaces": {
                     *               "$$": "table",
                     *               "key": "id",
                     *               "rows": [
                     *                 {
                     *                   "id": "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
                     *                   "seq": 1,
                     *                   "name": "Atlas",
                     *                   "description": null,
                     *                   "createdAt": 1795428000000,
                     *                   "updatedAt": 1795428000000
                     *                 }
                     *               ]
                     *             },
                     *             "collections": {
                     *               "$$": "table",
                     *               "key": "id",
                     *               "rows": []
                     *             },
                     *             "sources": {
                     *               "$$": "table",
                     *               "key": "id",
                     *               "rows": []
                     *             },
                     *             "uploads": {
                     *               "$$": "map",
                     *               "entries": []
                     *             },
                     *             "apiKeys": {
                     *               "$$": "table",
                     *               "key": "id",
                     *               "rows": []
                     *             },
                     *             "seq": 1
                     *           }
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["SavedState"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    importState: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "format": "collections-mock/state",
                 *       "version": 1,
                 *       "savedAt": "2026-11-23T10:00:00.000Z",
                 *       "providers": {
                 *         "ctxfy": {}
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["StateImport"];
            };
        };
        responses: {
            /** @description What was loaded. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "providers": [
                     *         "ctxfy"
                     *       ],
                     *       "tenants": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ImportResult"];
                };
            };
            /** @description The document cannot be loaded; nothing was changed. `details.issues` holds the first problem, its `pointer` a JSON pointer into the document. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    getClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The clock. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "mode": "manual",
                     *       "now": "2025-01-01T00:00:00.000Z",
                     *       "nowMs": 1735689600000,
                     *       "pending": 2
                     *     }
                     */
                    "application/json": components["schemas"]["ClockState"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    setClockMode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "mode": "manual"
                 *     }
                 */
                "application/json": components["schemas"]["SetClockMode"];
            };
        };
        responses: {
            /** @description The clock after the switch. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "mode": "manual",
                     *       "now": "2025-01-01T00:00:00.000Z",
                     *       "nowMs": 1735689600000,
                     *       "pending": 1
                     *     }
                     */
                    "application/json": components["schemas"]["ClockState"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    advanceClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "ms": 1000
                 *     }
                 */
                "application/json": components["schemas"]["AdvanceClock"];
            };
        };
        responses: {
            /** @description The clock after advancing. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "mode": "manual",
                     *       "now": "2025-01-01T00:00:01.000Z",
                     *       "nowMs": 1735689601000,
                     *       "pending": 0
                     *     }
                     */
                    "application/json": components["schemas"]["ClockState"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    listDeliveries: {
        parameters: {
            query?: {
                /** @description A mounted provider's name (`xai`, `airweave`, `mixpeek`, `ctxfy`); one that is not mounted is a 400. */
                provider?: components["parameters"]["ProviderFilter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deliveries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "deliveries": [
                     *         {
                     *           "id": "7c1e4d0a-53a1-4a9b-9d57-0a3f3c1de001",
                     *           "provider": "ctxfy",
                     *           "url": "http://127.0.0.1:8080/postbacks",
                     *           "topic": "source.COMPLETED",
                     *           "body": {
                     *             "sourceId": "3f1c2a7e-8b0d-4d5e-9c1f-2a6b7c8d9e0f",
                     *             "status": "COMPLETED"
                     *           },
                     *           "headers": {},
                     *           "attempts": [
                     *             {
                     *               "at": "2025-01-01T00:00:03.000Z",
                     *               "atMs": 1735689603000,
                     *               "status": 200
                     *             }
                     *           ],
                     *           "state": "delivered"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["DeliveryList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    retryDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery, its new attempt started (it fills in as the receiver answers). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7c1e4d0a-53a1-4a9b-9d57-0a3f3c1de001",
                     *       "provider": "ctxfy",
                     *       "url": "http://127.0.0.1:8080/postbacks",
                     *       "topic": "source.COMPLETED",
                     *       "body": {
                     *         "sourceId": "3f1c2a7e-8b0d-4d5e-9c1f-2a6b7c8d9e0f",
                     *         "status": "COMPLETED"
                     *       },
                     *       "headers": {},
                     *       "attempts": [
                     *         {
                     *           "at": "2025-01-01T00:00:03.000Z",
                     *           "atMs": 1735689603000,
                     *           "error": "ECONNREFUSED"
                     *         },
                     *         {
                     *           "at": "2025-01-01T00:00:04.000Z",
                     *           "atMs": 1735689604000,
                     *           "error": "ECONNREFUSED"
                     *         },
                     *         {
                     *           "at": "2025-01-01T00:00:09.000Z",
                     *           "atMs": 1735689609000,
                     *           "error": "ECONNREFUSED"
                     *         },
                     *         {
                     *           "at": "2025-01-01T00:00:24.000Z",
                     *           "atMs": 1735689624000,
                     *           "error": "ECONNREFUSED"
                     *         },
                     *         {
                     *           "at": "2025-01-01T00:01:00.000Z",
                     *           "atMs": 1735689660000
                     *         }
                     *       ],
                     *       "state": "pending"
                     *     }
                     */
                    "application/json": components["schemas"]["Delivery"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getJournalEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entryId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entry, and its exchange (null when none was captured). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "entry": {
                     *         "id": 2,
                     *         "at": "2025-01-01T00:00:01.000Z",
                     *         "atMs": 1735689601000,
                     *         "provider": "xai",
                     *         "operationId": "createCollection",
                     *         "method": "POST",
                     *         "url": "/xai/v1/collections",
                     *         "status": 200,
                     *         "tenant": "key:demo",
                     *         "durationMs": 1.42
                     *       },
                     *       "exchange": {
                     *         "requestHeaders": {
                     *           "content-type": "application/json",
                     *           "authorization": "Bearer demo"
                     *         },
                     *         "requestBody": "{\"collection_name\":\"Docs\"}",
                     *         "requestBodyBytes": 26,
                     *         "responseHeaders": {
                     *           "content-type": "application/json; charset=utf-8"
                     *         },
                     *         "responseBody": "{\"collection_id\":\"collection_1\"}",
                     *         "responseBodyBytes": 32,
                     *         "truncated": false,
                     *         "selfCheck": []
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["JournalEntryDetail"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    streamEvents: {
        parameters: {
            query?: {
                /** @description A mounted provider's name (`xai`, `airweave`, `mixpeek`, `ctxfy`); one that is not mounted is a 400. */
                provider?: components["parameters"]["ProviderFilter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream of events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example event: requests
                     *     id: 8
                     *     data: {"entries":[{"id":7,"at":"2025-01-01T00:00:01.000Z","atMs":1735689601000,"provider":"xai","operationId":"listCollections","method":"GET","url":"/xai/v1/collections","status":200,"tenant":"key:demo","durationMs":0.9},{"id":8,"at":"2025-01-01T00:00:01.010Z","atMs":1735689601010,"provider":"xai","operationId":"getCollectionMetadata","method":"GET","url":"/xai/v1/collections/collection_1","status":404,"tenant":"key:demo","durationMs":0.4}],"skipped":0}
                     */
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            500: components["responses"]["InternalError"];
        };
    };
    removeRecord: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "provider": "xai",
                 *       "tenant": "key:demo",
                 *       "path": [
                 *         "collections",
                 *         "collection_1",
                 *         "documents",
                 *         "file_1"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["RemoveRecord"];
            };
        };
        responses: {
            /** @description The record as it was stored. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "provider": "xai",
                     *       "tenant": "key:demo",
                     *       "path": [
                     *         "collections",
                     *         "collection_1",
                     *         "documents",
                     *         "file_1"
                     *       ],
                     *       "record": {
                     *         "fileId": "file_1",
                     *         "fields": {},
                     *         "status": "DOCUMENT_STATUS_PROCESSED"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["RemovedRecord"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    getVendorRecord: {
        parameters: {
            query: {
                /** @description The tenant, as `GET /state` names it. */
                tenant: string;
                /** @description The record's path, one query parameter per segment, in order (`path=collections&path=<id>`). */
                path: string[];
            };
            header?: never;
            path: {
                /** @description A mounted provider (`xai`, `airweave`, `mixpeek`, `ctxfy`). */
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The vendor operation that read the record, and its reply. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "provider": "xai",
                     *       "tenant": "key:demo",
                     *       "record": [
                     *         "collections",
                     *         "collection_1"
                     *       ],
                     *       "operationId": "getCollectionMetadata",
                     *       "method": "GET",
                     *       "path": "/v1/collections/collection_1",
                     *       "status": 200,
                     *       "body": {
                     *         "collection_id": "collection_1",
                     *         "collection_name": "Manuals",
                     *         "created_at": "2026-01-05T10:00:00.000000Z",
                     *         "index_configuration": {
                     *           "model_name": "grok-embedding-small"
                     *         },
                     *         "chunk_configuration": {
                     *           "chars_configuration": {
                     *             "max_chunk_size_chars": 2000,
                     *             "chunk_overlap_chars": 500
                     *           }
                     *         },
                     *         "documents_count": 1,
                     *         "field_definitions": []
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["VendorRecord"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getConsole: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example <!doctype html>
                     *     <html lang="en"><head><meta charset="utf-8" /><title>collections-mock console</title>
                     *     <script type="module" crossorigin src="/__mock/console/assets/index-3f9a1c2b.js"></script></head>
                     *     <body><div id="app"></div></body></html>
                     */
                    "text/html": string;
                };
            };
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getConsoleAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example var e=document.getElementById("app"); */
                    "text/javascript": string;
                    /** @example :root{color:#1a1a1a} */
                    "text/css": string;
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getAirweaveEntities: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description An Airweave collection's `readable_id`, in any organisation (readable ids are unique across them).
                 * @example finance-data-x7k9m2
                 */
                readable_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["AirweaveEntities"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["AirweaveCollectionNotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    putAirweaveEntities: {
        parameters: {
            query?: {
                /**
                 * @description `false`: answer at once (202). The entities are stored at once (and saved with the
                 *     state) and indexed in the background; every search of the collection and every
                 *     count of its entities waits for that, and a failure to index them is logged.
                 *     Fixture files use it so that start-up does not wait for the entities to be
                 *     chunked and embedded.
                 */
                wait?: components["parameters"]["AirweaveEntitiesWait"];
            };
            header?: never;
            path: {
                /**
                 * @description An Airweave collection's `readable_id`, in any organisation (readable ids are unique across them).
                 * @example finance-data-x7k9m2
                 */
                readable_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AirweaveEntitiesLoad"];
            };
        };
        responses: {
            200: components["responses"]["AirweaveEntities"];
            202: components["responses"]["AirweaveEntitiesAccepted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["AirweaveCollectionNotFound"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    addAirweaveEntities: {
        parameters: {
            query?: {
                /**
                 * @description `false`: answer at once (202). The entities are stored at once (and saved with the
                 *     state) and indexed in the background; every search of the collection and every
                 *     count of its entities waits for that, and a failure to index them is logged.
                 *     Fixture files use it so that start-up does not wait for the entities to be
                 *     chunked and embedded.
                 */
                wait?: components["parameters"]["AirweaveEntitiesWait"];
            };
            header?: never;
            path: {
                /**
                 * @description An Airweave collection's `readable_id`, in any organisation (readable ids are unique across them).
                 * @example finance-data-x7k9m2
                 */
                readable_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "entities": [
                 *         {
                 *           "entity_id": "page-2",
                 *           "name": "Expense policy",
                 *           "content": "Submit receipts within thirty days."
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["AirweaveEntitiesLoad"];
            };
        };
        responses: {
            200: components["responses"]["AirweaveEntities"];
            202: components["responses"]["AirweaveEntitiesAccepted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["AirweaveCollectionNotFound"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteAirweaveEntities: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description An Airweave collection's `readable_id`, in any organisation (readable ids are unique across them).
                 * @example finance-data-x7k9m2
                 */
                readable_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["AirweaveEntities"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["AirweaveCollectionNotFound"];
            500: components["responses"]["InternalError"];
        };
    };
}
