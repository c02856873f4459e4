// Generated from specs/xai.yaml by scripts/gen.mjs (openapi-typescript). Do not edit: run `npm run gen`.

export interface paths {
    "/v1/collections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List collections
         * @description Lists the team's collections. Defaults: `order` descending, `sort_by` name (so Z→A),
         *     `limit` 100. `pagination_token` is present only while more items remain. Filter fields:
         *     `collection_id` (exact), `collection_name` (case-insensitive substring, also with `=`),
         *     `created_at`, `documents_count`; e.g. `collection_name:"SEC" AND documents_count:>10`.
         */
        get: operations["listCollections"];
        put?: never;
        /**
         * Create a collection
         * @description Creates a collection. `collection_name` is not unique (assumption). `metric_space` is
         *     accepted but not echoed. When `chunk_configuration` is omitted the mock applies
         *     tokens 1024/200 `o200k_base`, `strip_whitespace: true` (assumption: the vendor's default
         *     is undocumented). `index_configuration` defaults to `grok-embedding-small`.
         */
        post: operations["createCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/collections/{collection_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Collection id (`collection_<uuid>`). Not format-checked; unknown or malformed ids give 404.
                 * @example collection_80100614-300c-4609-959b-a138fa90f542
                 */
                collection_id: components["parameters"]["CollectionId"];
            };
            cookie?: never;
        };
        /** Get a collection */
        get: operations["getCollectionMetadata"];
        /**
         * Update a collection (partial)
         * @description Partial update: absent fields stay unchanged; an empty or absent body returns the
         *     collection unchanged (assumption). `index_configuration` and `metric_space` cannot be
         *     changed. A new `chunk_configuration` does not re-index existing documents (use the PATCH
         *     re-index call). `FIELD_DEFINITION_ADD` adds or replaces a definition (a new key with
         *     `required: true` gives 400); `FIELD_DEFINITION_DELETE` removes it and deletes that key from
         *     every document's `fields` (an unknown key gives 404, assumption).
         */
        put: operations["updateCollection"];
        post?: never;
        /**
         * Delete a collection
         * @description Deletes the collection and all its memberships; the files themselves stay in the Files
         *     API (assumption). Returns `{}` with status 200.
         */
        delete: operations["deleteCollection"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/collections/{collection_id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Collection id (`collection_<uuid>`). Not format-checked; unknown or malformed ids give 404.
                 * @example collection_80100614-300c-4609-959b-a138fa90f542
                 */
                collection_id: components["parameters"]["CollectionId"];
            };
            cookie?: never;
        };
        /**
         * List documents in a collection
         * @description Defaults: `order` descending, `sort_by` name (Z→A by `file_metadata.name`), `limit` 100.
         *     `pagination_token` is present only while more items remain. Filter fields: `name` and
         *     `content_type` (case-insensitive substring), `size_bytes`, `created_at`, `status`
         *     (`status:!DOCUMENT_STATUS_FAILED` = not equal), `fields.<key>` (exact). The deprecated
         *     `name=foo` equals `filter=name:"foo"`.
         */
        get: operations["listDocuments"];
        put?: never;
        /**
         * Upload a file and add it to the collection
         * @description One-step upload + attach, documented only by one curl line in the vendor guide. The
         *     response body is assumed to be the new document's metadata (status
         *     `DOCUMENT_STATUS_PROCESSING`). `fields` is a JSON object of string→string sent as a
         *     string; a value that is not such an object gives 400. Uploads over 50 MB give 413
         *     (assumption). A `unique` field clash gives 409 (assumption).
         */
        post: operations["uploadDocumentToCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/collections/{collection_id}/documents/{file_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Collection id (`collection_<uuid>`). Not format-checked; unknown or malformed ids give 404.
                 * @example collection_80100614-300c-4609-959b-a138fa90f542
                 */
                collection_id: components["parameters"]["CollectionId"];
                /**
                 * @description File id (`file_<uuid>`). Not format-checked; unknown or malformed ids give 404.
                 * @example file_94847856-a56f-4b1e-82dd-7fe0b3af43d9
                 */
                file_id: components["parameters"]["FileId"];
            };
            cookie?: never;
        };
        /** Get a document */
        get: operations["getDocumentMetadata"];
        put?: never;
        /**
         * Add an uploaded file to the collection
         * @description Attaches a file from the Files API; indexing then runs asynchronously
         *     (PROCESSING → PROCESSED). The body may be absent, also without a `Content-Type`
         *     (the vendor's curl sends none). A file not in the team's Files gives 404. `fields` are
         *     checked against the collection's `field_definitions`: a missing `required` key gives 400;
         *     keys without a definition are stored. Re-adding a document already in the collection
         *     gives 409, and so does a duplicate value of a `unique` key (assumptions).
         */
        post: operations["addDocumentToCollection"];
        /**
         * Remove a document from the collection
         * @description Unlinks the document from this collection only; the file stays in the Files API.
         *     Returns `{}`.
         */
        delete: operations["removeDocumentFromCollection"];
        options?: never;
        head?: never;
        /**
         * Re-index a document
         * @description Regenerates the document's chunks and embeddings with the collection's current
         *     configuration: any status → PROCESSING → PROCESSED. Takes no body; a body, if sent, is
         *     ignored. Returns `{}`.
         */
        patch: operations["reIndexDocument"];
        trace?: never;
    };
    "/v1/collections/{collection_id}/documents:batchGet": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Collection id (`collection_<uuid>`). Not format-checked; unknown or malformed ids give 404.
                 * @example collection_80100614-300c-4609-959b-a138fa90f542
                 */
                collection_id: components["parameters"]["CollectionId"];
            };
            cookie?: never;
        };
        /**
         * Get several documents
         * @description `documents:batchGet` is one literal path segment (custom verb). Results come back in the
         *     requested order, one entry per occurrence; ids that are unknown or not in this collection
         *     are skipped (assumption). A single comma-separated `file_ids` value is accepted as an alias
         *     for repeated keys. No ids, or more than 100 (assumption), give 400; an unknown collection
         *     gives 404.
         */
        get: operations["batchGetDocuments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List files
         * @description Lists the team's files (expired ones excluded). `pagination_token` is the id of the last
         *     file of the page whenever `data` is non-empty, and `null` for an empty page; the end is
         *     reached when `data` has fewer than `limit` items. `pagination_token` and `after` both mean
         *     "items after this id in the current sort". Filter fields: `name`/`file_name` (fuzzy),
         *     `file_id` (exact), `size_bytes`, `content_type` (partial), `created_at`, `expires_at`,
         *     `upload_status`, `user_defined_id`.
         */
        get: operations["listFiles"];
        put?: never;
        /**
         * Upload a file
         * @description Multipart upload. The `file` part is required and carries the filename (at most 255
         *     characters; no control characters, CR/LF/NEL/U+2028/U+2029, NUL, `"`, `;` or `\`, else
         *     400). `purpose` is accepted and ignored (always echoed as `""`). Expiry is either
         *     `expires_after` (seconds) or the OpenAI SDK pair `expires_after[anchor]=created_at` +
         *     `expires_after[seconds]`, which must precede the `file` part; the range is 3600..2592000.
         *     Uploads over 50 MB give 413 (assumption).
         */
        post: operations["uploadFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/files/{file_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description File id (`file_<uuid>`). Not format-checked; unknown or malformed ids give 404.
                 * @example file_94847856-a56f-4b1e-82dd-7fe0b3af43d9
                 */
                file_id: components["parameters"]["FileId"];
            };
            cookie?: never;
        };
        /**
         * Get a file's metadata
         * @description An unknown, deleted or expired file gives 404.
         */
        get: operations["retrieveFile"];
        put?: never;
        post?: never;
        /**
         * Delete a file
         * @description Deletes the file; later references give 404. The mock also removes it from every
         *     collection (assumption).
         */
        delete: operations["deleteFile"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/files/{file_id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description File id (`file_<uuid>`). Not format-checked; unknown or malformed ids give 404.
                 * @example file_94847856-a56f-4b1e-82dd-7fe0b3af43d9
                 */
                file_id: components["parameters"]["FileId"];
            };
            cookie?: never;
        };
        /**
         * Download a file's content
         * @description Returns the raw bytes. `format=text` returns extracted text: the mock returns the bytes
         *     for text-like types and 400 otherwise.
         */
        get: operations["downloadFileContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/documents/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search documents in collections
         * @description Searches the chunks of the given collections' documents for the query and answers the
         *     best matches, best first (the REST reference "Search in Collections"; the proto's
         *     `xai_api.Documents/Search`). Only documents whose status is
         *     `DOCUMENT_STATUS_PROCESSED` are searched: a document becomes searchable the moment it
         *     turns PROCESSED and stops being searchable the moment it is re-indexed, removed, or its
         *     file or collection deleted.
         *
         *     Retrieval: `hybrid` (the default) fuses a keyword ranking (BM25) and a semantic one
         *     (cosine similarity of embeddings) by reciprocal rank fusion; `semantic` and `keyword`
         *     use one of them. The mode is given either as `retrieval_mode: {type}` (the REST
         *     reference) or as one of the proto's `hybrid_retrieval`, `semantic_retrieval`,
         *     `keyword_retrieval`; giving more than one gives 400 (assumption). In
         *     `reciprocal_rank_fusion`, `k` defaults to 60 and a weight of 0 or absent means 0.5
         *     (proto3 `float` fields cannot tell 0 from unset). Reranker models are accepted; the
         *     mock has none, so hybrid ranks by fusion and the other modes by their own score
         *     (assumption). `search_multiplier` (1–100), `instructions`, `ranking_metric`
         *     (deprecated), `group_by` and `source.rag_pipeline` are accepted and change nothing
         *     (assumption: the vendor describes no effect on the reply's shape).
         *
         *     `filter` is the AIP-160 language of the list endpoints over the documents' `fields`:
         *     a bare name is a field key (`author = "John"`, `year > 2020 AND category = "finance"`,
         *     `year:2020..2024`), as is `fields.<key>`; values compare as numbers when both sides are
         *     numbers, else as exact strings; a document without the key never matches. A filter that
         *     does not parse gives 400.
         *
         *     `limit` defaults to 10; 0, negative or out-of-int32 values give 400 (assumption).
         *     Unknown or another team's collection ids give 404, like every collection id of the
         *     management host (assumption); an empty `collection_ids` or `query` gives 400. A chunk
         *     found in several of the searched collections (the same file, cut the same way) is one
         *     match listing them all in `collection_ids`. `page_number` is the 1-based page of a
         *     multi-page document (PDF) the chunk starts on, and 0 for single-page documents.
         *     `chunk_id` is a UUID that stays the same for the same content of the same file, across
         *     re-indexing and restarts.
         */
        post: operations["searchDocuments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Error envelope. `code` is the gRPC status description; `error` a human message. */
        Error: {
            /** @description gRPC status text, e.g. `Some requested entity was not found`. */
            code: string;
            /** @description Human-readable message. */
            error: string;
        };
        /** @description The protobuf `Empty` message, exactly `{}`. */
        Empty: Record<string, never>;
        /** @description A 64-bit integer encoded as a JSON string (protobuf JSON). */
        Int64String: string;
        /**
         * Format: date-time
         * @description RFC 3339 in UTC with 6 fractional digits, e.g. `2025-09-16T18:36:09.790629Z`.
         */
        Timestamp: string;
        /**
         * Format: date-time
         * @description A `Timestamp`, or `null` when unset.
         */
        NullableTimestamp: string | null;
        /**
         * @description A 32-bit integer sent as a number or as a numeric string (protojson). The handler must
         *     check the int32 range of the string form.
         */
        Int32Input: number | string;
        /** @description An `Int32Input` of at least 1. */
        PositiveInt32Input: number | string;
        /** @description An `Int32Input` of at least 0. */
        NonNegativeInt32Input: number | string;
        /** @description HNSW distance metric, by name or number. Accepted on create, never echoed. */
        MetricSpaceInput: ("HNSW_METRIC_UNKNOWN" | "HNSW_METRIC_COSINE" | "HNSW_METRIC_EUCLIDEAN" | "HNSW_METRIC_INNER_PRODUCT") | (0 | 1 | 2 | 3);
        /** @description Field definition update kind, by name or number. */
        FieldDefinitionOperation: ("FIELD_DEFINITION_ADD" | "FIELD_DEFINITION_DELETE") | (0 | 1);
        /** @description Embedding model of the collection. */
        IndexConfiguration: {
            /** @description Embedding model, e.g. `grok-embedding-small`. */
            model_name: string;
        };
        /** @description Embedding model of a new collection; an absent or empty `model_name` means `grok-embedding-small`. */
        IndexConfigurationInput: {
            model_name?: string;
        };
        /** @description Chunk by characters. */
        CharsConfiguration: {
            max_chunk_size_chars: components["schemas"]["PositiveInt32Input"];
            chunk_overlap_chars?: components["schemas"]["NonNegativeInt32Input"];
        };
        /** @description Chunk by tokens. */
        TokensConfiguration: {
            max_chunk_size_tokens: components["schemas"]["PositiveInt32Input"];
            chunk_overlap_tokens?: components["schemas"]["NonNegativeInt32Input"];
            /** @description Tokenizer, e.g. `o200k_base` or `cl100k_base`. */
            encoding_name?: string;
        };
        /** @description Chunk by bytes. */
        BytesConfiguration: {
            max_chunk_size_bytes: components["schemas"]["PositiveInt32Input"];
            chunk_overlap_bytes?: components["schemas"]["NonNegativeInt32Input"];
        };
        /** @description Chunk tables by tokens (also the shape of the deprecated `ast_configuration`). */
        TableConfiguration: {
            max_chunk_size_tokens: components["schemas"]["PositiveInt32Input"];
            /** @description Tokenizer, e.g. `o200k_base`. */
            encoding_name?: string;
        };
        /**
         * @description Exactly one chunking strategy, plus two flags. Zero or several strategies give 400
         *     (assumption: the vendor SDK enforces this client-side). Responses always emit
         *     `strip_whitespace` and `inject_name_into_chunks`; requests may omit them (default false).
         *     Integers go out as numbers. A missing `max_chunk_size_*` gives 400 (assumption).
         */
        ChunkConfiguration: {
            chars_configuration?: components["schemas"]["CharsConfiguration"];
            tokens_configuration?: components["schemas"]["TokensConfiguration"];
            bytes_configuration?: components["schemas"]["BytesConfiguration"];
            markdown_tokens_configuration?: components["schemas"]["TokensConfiguration"];
            markdown_chars_configuration?: components["schemas"]["CharsConfiguration"];
            code_tokens_configuration?: components["schemas"]["TokensConfiguration"];
            code_chars_configuration?: components["schemas"]["CharsConfiguration"];
            table_configuration?: components["schemas"]["TableConfiguration"];
            /** @deprecated */
            ast_configuration?: components["schemas"]["TableConfiguration"];
            strip_whitespace?: boolean;
            inject_name_into_chunks?: boolean;
        } & ({
            chars_configuration: components["schemas"]["CharsConfiguration"];
        } | {
            tokens_configuration: components["schemas"]["TokensConfiguration"];
        } | {
            bytes_configuration: components["schemas"]["BytesConfiguration"];
        } | {
            markdown_tokens_configuration: components["schemas"]["TokensConfiguration"];
        } | {
            markdown_chars_configuration: components["schemas"]["CharsConfiguration"];
        } | {
            code_tokens_configuration: components["schemas"]["TokensConfiguration"];
        } | {
            code_chars_configuration: components["schemas"]["CharsConfiguration"];
        } | {
            table_configuration: components["schemas"]["TableConfiguration"];
        } | {
            /** @deprecated */
            ast_configuration: components["schemas"]["TableConfiguration"];
        });
        /**
         * @description A metadata field of the collection's documents. Responses always emit `required`,
         *     `inject_into_chunk` and `unique` (default false); `description` is omitted when unset.
         */
        FieldDefinition: {
            key: string;
            /** @description Documents must carry this key when added. */
            required?: boolean;
            /** @description Prepend the value to every chunk. */
            inject_into_chunk?: boolean;
            /** @description Values must be unique within the collection (a clash gives 409, assumption). */
            unique?: boolean;
            description?: string;
        };
        /** @description One change to the collection's field definitions. For a delete only `field_definition.key` matters. */
        FieldDefinitionUpdate: {
            field_definition: components["schemas"]["FieldDefinition"];
            operation: components["schemas"]["FieldDefinitionOperation"];
        };
        /** @description Body of create collection. Unknown fields are ignored. */
        CreateCollectionRequest: {
            collection_name: string;
            team_id?: string;
            index_configuration?: components["schemas"]["IndexConfigurationInput"];
            chunk_configuration?: components["schemas"]["ChunkConfiguration"];
            metric_space?: components["schemas"]["MetricSpaceInput"];
            field_definitions?: components["schemas"]["FieldDefinition"][];
            collection_description?: string;
            /** @description Internal; accepted and ignored. */
            version?: components["schemas"]["Int32Input"];
        };
        /** @description Body of update collection; every field optional (partial update). Unknown fields are ignored. */
        UpdateCollectionRequest: {
            team_id?: string;
            collection_name?: string;
            chunk_configuration?: components["schemas"]["ChunkConfiguration"];
            collection_description?: string;
            field_definition_updates?: components["schemas"]["FieldDefinitionUpdate"][];
        };
        /** @description Optional body of add document. Unknown fields are ignored. */
        AddDocumentToCollectionRequest: {
            team_id?: string;
            /** @description Document metadata; values must be strings. */
            fields?: {
                [key: string]: string;
            };
        };
        /** @description A collection as returned by the management host. */
        CollectionMetadata: {
            collection_id: string;
            collection_name: string;
            created_at: components["schemas"]["Timestamp"];
            index_configuration: components["schemas"]["IndexConfiguration"];
            /** @description The chunking strategy, or `null` if never set. */
            chunk_configuration: components["schemas"]["ChunkConfiguration"] | null;
            /**
             * Format: int32
             * @description Documents in the collection, in any status.
             */
            documents_count: number;
            field_definitions: components["schemas"]["FieldDefinition"][];
            /** @description Omitted when never set. */
            collection_description?: string;
            /** @description Sum of the members' `size_bytes`. */
            total_file_size: components["schemas"]["Int64String"];
            /**
             * @deprecated
             * @description Legacy field (reserved in the vendor's proto); the mock never emits it.
             */
            collection_type?: string;
        };
        ListCollectionsResponse: {
            collections: components["schemas"]["CollectionMetadata"][];
            /** @description Present only while more items remain. */
            pagination_token?: string;
        };
        /**
         * @description Indexing status. The mock emits PROCESSING, PROCESSED and FAILED by default; CHUNKED,
         *     EMBEDDING and WRITING only in verbose lifecycle mode.
         * @enum {string}
         */
        DocumentStatus: "DOCUMENT_STATUS_UNKNOWN" | "DOCUMENT_STATUS_PROCESSING" | "DOCUMENT_STATUS_PROCESSED" | "DOCUMENT_STATUS_FAILED" | "DOCUMENT_STATUS_CHUNKED" | "DOCUMENT_STATUS_EMBEDDING" | "DOCUMENT_STATUS_WRITING";
        /** @description The file behind a document. */
        FileMetadata: {
            file_id: string;
            /** @description The file's filename. */
            name: string;
            size_bytes: components["schemas"]["Int64String"];
            /** @description MIME type. */
            content_type: string;
            created_at: components["schemas"]["Timestamp"];
            /** @description `null` when the file never expires. */
            expires_at: components["schemas"]["NullableTimestamp"];
            /** @description 64 lowercase hex characters (BLAKE3-256 at the vendor; SHA-256 in the mock is acceptable). */
            hash: string;
            /** @description `Initializing`, `Uploading`, `Complete` or `Failed`; omitted by the mock. */
            upload_status?: string;
            /** @description Omitted by the mock. */
            upload_error_message?: string;
            /** @description `pending`, `processing`, `complete`, `failed` or `skipped`; omitted by the mock. */
            processing_status?: string;
            /** @description Folder path without the filename; omitted by the mock. */
            file_path?: string;
        };
        /** @description A document (a file inside a collection). */
        DocumentMetadata: {
            file_metadata: components["schemas"]["FileMetadata"];
            /** @description Document metadata, `{}` when none. */
            fields: {
                [key: string]: string;
            };
            status: components["schemas"]["DocumentStatus"];
            /** @description `""` unless the status is FAILED. */
            error_message: string;
            /** @description `null` until the first successful index. */
            last_indexed_at: components["schemas"]["NullableTimestamp"];
            /**
             * Format: int32
             * @description Emitted once the document is PROCESSED.
             */
            chunk_count?: number;
            /** @description Emitted once processing has started. */
            chunks_processed_count?: components["schemas"]["Int64String"];
        };
        ListDocumentsResponse: {
            documents: components["schemas"]["DocumentMetadata"][];
            /** @description Present only while more items remain. */
            pagination_token?: string;
        };
        BatchGetDocumentsResponse: {
            documents: components["schemas"]["DocumentMetadata"][];
        };
        /** @description A file of the Files API (Unix seconds, plain numbers). */
        File: {
            id: string;
            /** @constant */
            object: "file";
            /** Format: int64 */
            bytes: number;
            /**
             * Format: int64
             * @description Unix seconds.
             */
            created_at: number;
            /**
             * Format: int64
             * @description Unix seconds; the mock omits the key when the file has no expiry.
             */
            expires_at?: number | null;
            filename: string;
            /** @description Always `""`. */
            purpose: string;
            /** @description Only when a public URL exists; never sent by the mock. */
            public_url?: string;
            /**
             * Format: int64
             * @description Only when a public URL exists; never sent by the mock.
             */
            public_url_expires_at?: number;
        };
        ListFilesResponse: {
            data: components["schemas"]["File"][];
            /** @description Id of the last file in `data`; `null` when `data` is empty. */
            pagination_token: string | null;
        };
        DeleteFileResponse: {
            id: string;
            /** @constant */
            object: "file";
            deleted: boolean;
        };
        /**
         * @description Body of document search. Unknown fields are ignored. At most one of `retrieval_mode`,
         *     `hybrid_retrieval`, `semantic_retrieval` and `keyword_retrieval` (the proto's oneof);
         *     none means hybrid.
         */
        SearchRequest: {
            /** @description The text to search for; embedded with the same model as the chunks (semantic and hybrid retrieval). */
            query: string;
            source: components["schemas"]["DocumentsSource"];
            /** @description The number of chunks to return, default 10. At least 1 (assumption). */
            limit?: components["schemas"]["PositiveInt32Input"] | null;
            /** @description Instructions for the search; accepted and ignored by the mock. */
            instructions?: string | null;
            /**
             * @description AIP-160 filter over the documents' `fields`, e.g. `year > 2020 AND category = "finance"`.
             * @example type = "10-Q"
             */
            filter?: string | null;
            /** @description The REST reference's form of the mode; `null` means the default (hybrid). */
            retrieval_mode?: components["schemas"]["RetrievalMode"] | null;
            /** @description The proto's form of hybrid retrieval; `null` means absent (protobuf JSON). */
            hybrid_retrieval?: components["schemas"]["HybridRetrieval"] | null;
            /** @description The proto's form of semantic retrieval; `null` means absent. */
            semantic_retrieval?: components["schemas"]["SemanticRetrieval"] | null;
            /** @description The proto's form of keyword retrieval; `null` means absent. */
            keyword_retrieval?: components["schemas"]["KeywordRetrieval"] | null;
            /**
             * @deprecated
             * @description Deprecated (the metric comes from the collection); accepted and ignored.
             */
            ranking_metric?: ("RANKING_METRIC_UNKNOWN" | "RANKING_METRIC_L2_DISTANCE" | "RANKING_METRIC_COSINE_SIMILARITY") | (0 | 1 | 2) | null;
            /** @description Grouping by metadata keys; `null` means none. */
            group_by?: components["schemas"]["GroupBy"] | null;
        };
        /** @description The collections to search. */
        DocumentsSource: {
            /**
             * @description Collection ids of the caller's team, at least one (at most 100, assumption). An id the
             *     team does not have gives 404. Repeated ids count once.
             */
            collection_ids: string[];
            /** @description The vendor's storage backend; accepted and ignored. */
            rag_pipeline?: ("chroma_db" | "es") | null;
        };
        /** @description The retrieval mode in the REST reference's form. */
        RetrievalMode: {
            /** @enum {string} */
            type: "hybrid" | "semantic" | "keyword";
            /** @description A reranker model; accepted, not applied (the mock has none). */
            reranker?: components["schemas"]["RerankerModel"] | null;
        };
        /**
         * @description Keyword and semantic retrieval fused (the proto's form). `reranker_model` and
         *     `reciprocal_rank_fusion` are a oneof: both gives 400. Without either, fusion with the
         *     defaults.
         */
        HybridRetrieval: {
            /** @description Over-fetch factor, 1–100 (default 1); accepted, the mock fuses the whole rankings. */
            search_multiplier?: number | string;
            reranker_model?: components["schemas"]["RerankerModel"];
            reciprocal_rank_fusion?: components["schemas"]["ReciprocalRankFusion"];
        };
        /** @description Retrieval by cosine similarity of embeddings (the proto's form). */
        SemanticRetrieval: {
            reranker?: components["schemas"]["RerankerModel"];
        };
        /** @description Retrieval by keyword matching, BM25 (the proto's form). */
        KeywordRetrieval: {
            reranker?: components["schemas"]["RerankerModel"];
        };
        /** @description A reranker model and its instructions; accepted, not applied. */
        RerankerModel: {
            model?: string | null;
            instructions?: string | null;
        };
        /** @description score = text_weight / (k + keyword rank) + embedding_weight / (k + semantic rank). */
        ReciprocalRankFusion: {
            /** @description The RRF constant; default 60. */
            k?: components["schemas"]["NonNegativeInt32Input"];
            /** @description Weight of the semantic ranking, 0–1; 0 or absent means 0.5. */
            embedding_weight?: number;
            /** @description Weight of the keyword ranking, 0–1; 0 or absent means 0.5. */
            text_weight?: number;
        };
        /** @description Grouping of results by metadata keys; accepted, the matches are not grouped (assumption). */
        GroupBy: {
            keys: string[];
            /** @description How groups are aggregated; any object is accepted. */
            aggregate?: Record<string, never>;
        };
        SearchResponse: {
            /** @description The matching chunks, by `score`, highest first. */
            matches: components["schemas"]["SearchMatch"][];
        };
        /** @description One matching chunk. */
        SearchMatch: {
            /** @description The document's file. */
            file_id: string;
            /** @description The chunk, a UUID; the same for the same content of the same file. */
            chunk_id: string;
            /** @description The chunk's text. */
            chunk_content: string;
            /**
             * @description Relevance, higher is better: the fused score in hybrid retrieval (Σ weight / (k + rank)),
             *     the cosine similarity in semantic retrieval (0 to 1 as the vendor documents; a negative
             *     cosine is reported as 0), the BM25 score in keyword retrieval.
             */
            score: number;
            /** @description The searched collections the chunk was found in. */
            collection_ids: string[];
            /** @description The document's metadata, `{}` when none. */
            fields: {
                [key: string]: string;
            };
            /**
             * Format: int32
             * @description The 1-based page the chunk starts on in a multi-page document; 0 for single-page documents.
             */
            page_number: number;
        };
    };
    responses: {
        /** @description Done; the body is exactly `{}`. */
        EmptyOk: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /** @example {} */
                "application/json": components["schemas"]["Empty"];
            };
        };
        /** @description INVALID_ARGUMENT: a bad body, query, enum, filter or token, or an unknown API key. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description UNAUTHENTICATED; no `Authorization` header, or not a Bearer credential. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "The request does not have valid authentication credentials",
                 *       "error": "No credentials presented."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description PERMISSION_DENIED; wrong key kind, missing permission, or a foreign `team_id`. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "The caller does not have permission to execute the specified operation",
                 *       "error": "Management key lacks permission AddFileToCollection."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description NOT_FOUND; unknown collection, document or file. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description ALREADY_EXISTS; the document is already in the collection, or a `unique` field value
         *     clashes (both assumptions).
         */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "Some entity that we attempted to create already exists",
                 *       "error": "Document file_94847856-a56f-4b1e-82dd-7fe0b3af43d9 is already in the collection."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description RESOURCE_EXHAUSTED; the body or upload is over the size limit (status 413 is an assumption). */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "Some resource has been exhausted",
                 *       "error": "File exceeds the maximum size of 52428800 bytes."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The body has a media type the operation does not accept (assumption: the `code` text
         *     of INVALID_ARGUMENT). Never sent for an absent body on the management host.
         */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "Client specified an invalid argument",
                 *       "error": "Expected request with `Content-Type: application/json`"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description RESOURCE_EXHAUSTED; rate limited (scenario-driven only; no rate-limit headers). */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "Some resource has been exhausted",
                 *       "error": "Rate limit exceeded."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description INTERNAL (scenario-driven only). */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": "Internal error",
                 *       "error": "Internal error"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description Collection id (`collection_<uuid>`). Not format-checked; unknown or malformed ids give 404.
         * @example collection_80100614-300c-4609-959b-a138fa90f542
         */
        CollectionId: string;
        /**
         * @description File id (`file_<uuid>`). Not format-checked; unknown or malformed ids give 404.
         * @example file_94847856-a56f-4b1e-82dd-7fe0b3af43d9
         */
        FileId: string;
        /**
         * @description Team to act on; defaults to the credential's team. A team other than the key's gives 403
         *     (assumption).
         * @example team_mock
         */
        TeamId: string;
        /**
         * @description Page size, 1..100, default 100. Out-of-range values are clamped, not rejected
         *     (assumption): above 100 → 100, 0 or below → 100.
         * @example 10
         */
        Limit: number;
        /**
         * @description Opaque token from the previous page. A token that does not decode gives 400.
         * @example eyJzIjoiMCIsIm8iOiIyIiwiayI6IlN1cHBvcnQgdGlja2V0cyJ9
         */
        PaginationToken: string;
        /**
         * @description AIP-160 style filter (`=`, `!=`, `>`, `>=`, `<`, `<=`, `:`, `a:1..2`, `AND`, `OR`,
         *     `NOT`; OR binds tighter than AND). Substring matches are case-insensitive (assumption).
         *     A parse error or an unknown field gives 400. The fields per list are in the operation's
         *     description.
         * @example collection_name:"SEC" AND documents_count:>10
         */
        Filter: string;
        /**
         * @description Sort direction, by name or number. `ORDERING_UNKNOWN` (or absent) means the default,
         *     descending.
         * @example ORDERING_ASCENDING
         */
        Order: "ORDERING_UNKNOWN" | "ORDERING_ASCENDING" | "ORDERING_DESCENDING" | "0" | "1" | "2";
        /**
         * @description Sort key, by name or number; default name. AGE sorts by `created_at`.
         * @example COLLECTIONS_SORT_BY_AGE
         */
        CollectionsSortBy: "COLLECTIONS_SORT_BY_NAME" | "COLLECTIONS_SORT_BY_AGE" | "0" | "1";
        /**
         * @description Sort key, by name or number; default name (`file_metadata.name`). SIZE sorts by
         *     `size_bytes`, AGE by `created_at`.
         * @example DOCUMENTS_SORT_BY_SIZE
         */
        DocumentsSortBy: "DOCUMENTS_SORT_BY_NAME" | "DOCUMENTS_SORT_BY_SIZE" | "DOCUMENTS_SORT_BY_AGE" | "0" | "1" | "2";
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listCollections: {
        parameters: {
            query?: {
                /**
                 * @description Team to act on; defaults to the credential's team. A team other than the key's gives 403
                 *     (assumption).
                 * @example team_mock
                 */
                team_id?: components["parameters"]["TeamId"];
                /**
                 * @description Page size, 1..100, default 100. Out-of-range values are clamped, not rejected
                 *     (assumption): above 100 → 100, 0 or below → 100.
                 * @example 10
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Sort direction, by name or number. `ORDERING_UNKNOWN` (or absent) means the default,
                 *     descending.
                 * @example ORDERING_ASCENDING
                 */
                order?: components["parameters"]["Order"];
                /**
                 * @description Sort key, by name or number; default name. AGE sorts by `created_at`.
                 * @example COLLECTIONS_SORT_BY_AGE
                 */
                sort_by?: components["parameters"]["CollectionsSortBy"];
                /**
                 * @description Opaque token from the previous page. A token that does not decode gives 400.
                 * @example eyJzIjoiMCIsIm8iOiIyIiwiayI6IlN1cHBvcnQgdGlja2V0cyJ9
                 */
                pagination_token?: components["parameters"]["PaginationToken"];
                /**
                 * @description AIP-160 style filter (`=`, `!=`, `>`, `>=`, `<`, `<=`, `:`, `a:1..2`, `AND`, `OR`,
                 *     `NOT`; OR binds tighter than AND). Substring matches are case-insensitive (assumption).
                 *     A parse error or an unknown field gives 400. The fields per list are in the operation's
                 *     description.
                 * @example collection_name:"SEC" AND documents_count:>10
                 */
                filter?: components["parameters"]["Filter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of collections. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListCollectionsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    createCollection: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCollectionRequest"];
            };
        };
        responses: {
            /** @description The created collection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "collection_id": "collection_80100614-300c-4609-959b-a138fa90f542",
                     *       "collection_name": "SEC Filings",
                     *       "created_at": "2025-09-16T18:36:09.790629Z",
                     *       "index_configuration": {
                     *         "model_name": "grok-embedding-small"
                     *       },
                     *       "chunk_configuration": {
                     *         "tokens_configuration": {
                     *           "max_chunk_size_tokens": 1024,
                     *           "chunk_overlap_tokens": 200,
                     *           "encoding_name": "o200k_base"
                     *         },
                     *         "strip_whitespace": true,
                     *         "inject_name_into_chunks": false
                     *       },
                     *       "documents_count": 0,
                     *       "field_definitions": [
                     *         {
                     *           "key": "type",
                     *           "required": false,
                     *           "inject_into_chunk": true,
                     *           "unique": false,
                     *           "description": "Filing form type"
                     *         }
                     *       ],
                     *       "collection_description": "Quarterly and annual reports",
                     *       "total_file_size": "0"
                     *     }
                     */
                    "application/json": components["schemas"]["CollectionMetadata"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getCollectionMetadata: {
        parameters: {
            query?: {
                /**
                 * @description Team to act on; defaults to the credential's team. A team other than the key's gives 403
                 *     (assumption).
                 * @example team_mock
                 */
                team_id?: components["parameters"]["TeamId"];
            };
            header?: never;
            path: {
                /**
                 * @description Collection id (`collection_<uuid>`). Not format-checked; unknown or malformed ids give 404.
                 * @example collection_80100614-300c-4609-959b-a138fa90f542
                 */
                collection_id: components["parameters"]["CollectionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The collection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "collection_id": "collection_80100614-300c-4609-959b-a138fa90f542",
                     *       "collection_name": "SEC Filings",
                     *       "created_at": "2025-09-16T18:36:09.790629Z",
                     *       "index_configuration": {
                     *         "model_name": "grok-embedding-small"
                     *       },
                     *       "chunk_configuration": {
                     *         "tokens_configuration": {
                     *           "max_chunk_size_tokens": 1024,
                     *           "chunk_overlap_tokens": 200,
                     *           "encoding_name": "o200k_base"
                     *         },
                     *         "strip_whitespace": true,
                     *         "inject_name_into_chunks": false
                     *       },
                     *       "documents_count": 1,
                     *       "field_definitions": [
                     *         {
                     *           "key": "type",
                     *           "required": false,
                     *           "inject_into_chunk": true,
                     *           "unique": false,
                     *           "description": "Filing form type"
                     *         }
                     *       ],
                     *       "collection_description": "Quarterly and annual reports",
                     *       "total_file_size": "119237"
                     *     }
                     */
                    "application/json": components["schemas"]["CollectionMetadata"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    updateCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Collection id (`collection_<uuid>`). Not format-checked; unknown or malformed ids give 404.
                 * @example collection_80100614-300c-4609-959b-a138fa90f542
                 */
                collection_id: components["parameters"]["CollectionId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["UpdateCollectionRequest"];
            };
        };
        responses: {
            /** @description The collection after the update. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "collection_id": "collection_80100614-300c-4609-959b-a138fa90f542",
                     *       "collection_name": "SEC Filings 2025",
                     *       "created_at": "2025-09-16T18:36:09.790629Z",
                     *       "index_configuration": {
                     *         "model_name": "grok-embedding-small"
                     *       },
                     *       "chunk_configuration": {
                     *         "tokens_configuration": {
                     *           "max_chunk_size_tokens": 1024,
                     *           "chunk_overlap_tokens": 200,
                     *           "encoding_name": "o200k_base"
                     *         },
                     *         "strip_whitespace": true,
                     *         "inject_name_into_chunks": false
                     *       },
                     *       "documents_count": 1,
                     *       "field_definitions": [
                     *         {
                     *           "key": "type",
                     *           "required": false,
                     *           "inject_into_chunk": true,
                     *           "unique": false,
                     *           "description": "Filing form type"
                     *         }
                     *       ],
                     *       "collection_description": "Filings for fiscal year 2025",
                     *       "total_file_size": "119237"
                     *     }
                     */
                    "application/json": components["schemas"]["CollectionMetadata"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteCollection: {
        parameters: {
            query?: {
                /**
                 * @description Team to act on; defaults to the credential's team. A team other than the key's gives 403
                 *     (assumption).
                 * @example team_mock
                 */
                team_id?: components["parameters"]["TeamId"];
            };
            header?: never;
            path: {
                /**
                 * @description Collection id (`collection_<uuid>`). Not format-checked; unknown or malformed ids give 404.
                 * @example collection_80100614-300c-4609-959b-a138fa90f542
                 */
                collection_id: components["parameters"]["CollectionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EmptyOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    listDocuments: {
        parameters: {
            query?: {
                /**
                 * @description Team to act on; defaults to the credential's team. A team other than the key's gives 403
                 *     (assumption).
                 * @example team_mock
                 */
                team_id?: components["parameters"]["TeamId"];
                /**
                 * @description Page size, 1..100, default 100. Out-of-range values are clamped, not rejected
                 *     (assumption): above 100 → 100, 0 or below → 100.
                 * @example 10
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Sort direction, by name or number. `ORDERING_UNKNOWN` (or absent) means the default,
                 *     descending.
                 * @example ORDERING_ASCENDING
                 */
                order?: components["parameters"]["Order"];
                /**
                 * @description Sort key, by name or number; default name (`file_metadata.name`). SIZE sorts by
                 *     `size_bytes`, AGE by `created_at`.
                 * @example DOCUMENTS_SORT_BY_SIZE
                 */
                sort_by?: components["parameters"]["DocumentsSortBy"];
                /**
                 * @description Opaque token from the previous page. A token that does not decode gives 400.
                 * @example eyJzIjoiMCIsIm8iOiIyIiwiayI6IlN1cHBvcnQgdGlja2V0cyJ9
                 */
                pagination_token?: components["parameters"]["PaginationToken"];
                /**
                 * @deprecated
                 * @description Deprecated name filter; same as `filter=name:"<value>"`.
                 * @example tsla
                 */
                name?: string;
                /**
                 * @description AIP-160 style filter (`=`, `!=`, `>`, `>=`, `<`, `<=`, `:`, `a:1..2`, `AND`, `OR`,
                 *     `NOT`; OR binds tighter than AND). Substring matches are case-insensitive (assumption).
                 *     A parse error or an unknown field gives 400. The fields per list are in the operation's
                 *     description.
                 * @example collection_name:"SEC" AND documents_count:>10
                 */
                filter?: components["parameters"]["Filter"];
            };
            header?: never;
            path: {
                /**
                 * @description Collection id (`collection_<uuid>`). Not format-checked; unknown or malformed ids give 404.
                 * @example collection_80100614-300c-4609-959b-a138fa90f542
                 */
                collection_id: components["parameters"]["CollectionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of documents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListDocumentsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    uploadDocumentToCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Collection id (`collection_<uuid>`). Not format-checked; unknown or malformed ids give 404.
                 * @example collection_80100614-300c-4609-959b-a138fa90f542
                 */
                collection_id: components["parameters"]["CollectionId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "tsla-20250630.txt",
                 *       "data": "Tesla, Inc. Quarterly Report on Form 10-Q for the period ended June 30, 2025.",
                 *       "content_type": "text/plain",
                 *       "fields": "{\"type\":\"10-Q\"}"
                 *     }
                 */
                "multipart/form-data": {
                    /** @description File name of the new document. */
                    name: string;
                    /**
                     * Format: binary
                     * @description The file bytes.
                     */
                    data: string;
                    /** @description MIME type of `data`; guessed from `name` when absent. */
                    content_type?: string;
                    /** @description JSON object of string→string metadata, e.g. `{"type":"10-Q"}`. */
                    fields?: string;
                };
            };
        };
        responses: {
            /** @description The new document, still being indexed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "file_metadata": {
                     *         "file_id": "file_94847856-a56f-4b1e-82dd-7fe0b3af43d9",
                     *         "name": "tsla-20250630.txt",
                     *         "size_bytes": "119237",
                     *         "content_type": "text/plain",
                     *         "created_at": "2025-09-16T19:06:53.472088Z",
                     *         "expires_at": null,
                     *         "hash": "a15b2225695f242af60e5d99a7455b0a2e371dac88283401ebc013dba1dfbc84"
                     *       },
                     *       "fields": {
                     *         "type": "10-Q"
                     *       },
                     *       "status": "DOCUMENT_STATUS_PROCESSING",
                     *       "error_message": "",
                     *       "last_indexed_at": null,
                     *       "chunks_processed_count": "0"
                     *     }
                     */
                    "application/json": components["schemas"]["DocumentMetadata"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getDocumentMetadata: {
        parameters: {
            query?: {
                /**
                 * @description Team to act on; defaults to the credential's team. A team other than the key's gives 403
                 *     (assumption).
                 * @example team_mock
                 */
                team_id?: components["parameters"]["TeamId"];
            };
            header?: never;
            path: {
                /**
                 * @description Collection id (`collection_<uuid>`). Not format-checked; unknown or malformed ids give 404.
                 * @example collection_80100614-300c-4609-959b-a138fa90f542
                 */
                collection_id: components["parameters"]["CollectionId"];
                /**
                 * @description File id (`file_<uuid>`). Not format-checked; unknown or malformed ids give 404.
                 * @example file_94847856-a56f-4b1e-82dd-7fe0b3af43d9
                 */
                file_id: components["parameters"]["FileId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "file_metadata": {
                     *         "file_id": "file_94847856-a56f-4b1e-82dd-7fe0b3af43d9",
                     *         "name": "tsla-20250630.txt",
                     *         "size_bytes": "119237",
                     *         "content_type": "text/plain",
                     *         "created_at": "2025-09-16T19:06:53.472088Z",
                     *         "expires_at": null,
                     *         "hash": "a15b2225695f242af60e5d99a7455b0a2e371dac88283401ebc013dba1dfbc84"
                     *       },
                     *       "fields": {
                     *         "type": "10-Q"
                     *       },
                     *       "status": "DOCUMENT_STATUS_PROCESSED",
                     *       "error_message": "",
                     *       "last_indexed_at": "2025-09-16T19:06:58.120004Z",
                     *       "chunk_count": 42,
                     *       "chunks_processed_count": "42"
                     *     }
                     */
                    "application/json": components["schemas"]["DocumentMetadata"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    addDocumentToCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Collection id (`collection_<uuid>`). Not format-checked; unknown or malformed ids give 404.
                 * @example collection_80100614-300c-4609-959b-a138fa90f542
                 */
                collection_id: components["parameters"]["CollectionId"];
                /**
                 * @description File id (`file_<uuid>`). Not format-checked; unknown or malformed ids give 404.
                 * @example file_94847856-a56f-4b1e-82dd-7fe0b3af43d9
                 */
                file_id: components["parameters"]["FileId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "fields": {
                 *         "type": "10-Q"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["AddDocumentToCollectionRequest"];
            };
        };
        responses: {
            200: components["responses"]["EmptyOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    removeDocumentFromCollection: {
        parameters: {
            query?: {
                /**
                 * @description Team to act on; defaults to the credential's team. A team other than the key's gives 403
                 *     (assumption).
                 * @example team_mock
                 */
                team_id?: components["parameters"]["TeamId"];
            };
            header?: never;
            path: {
                /**
                 * @description Collection id (`collection_<uuid>`). Not format-checked; unknown or malformed ids give 404.
                 * @example collection_80100614-300c-4609-959b-a138fa90f542
                 */
                collection_id: components["parameters"]["CollectionId"];
                /**
                 * @description File id (`file_<uuid>`). Not format-checked; unknown or malformed ids give 404.
                 * @example file_94847856-a56f-4b1e-82dd-7fe0b3af43d9
                 */
                file_id: components["parameters"]["FileId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EmptyOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    reIndexDocument: {
        parameters: {
            query?: {
                /**
                 * @description Team to act on; defaults to the credential's team. A team other than the key's gives 403
                 *     (assumption).
                 * @example team_mock
                 */
                team_id?: components["parameters"]["TeamId"];
            };
            header?: never;
            path: {
                /**
                 * @description Collection id (`collection_<uuid>`). Not format-checked; unknown or malformed ids give 404.
                 * @example collection_80100614-300c-4609-959b-a138fa90f542
                 */
                collection_id: components["parameters"]["CollectionId"];
                /**
                 * @description File id (`file_<uuid>`). Not format-checked; unknown or malformed ids give 404.
                 * @example file_94847856-a56f-4b1e-82dd-7fe0b3af43d9
                 */
                file_id: components["parameters"]["FileId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EmptyOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    batchGetDocuments: {
        parameters: {
            query: {
                /**
                 * @description File ids to fetch, as repeated keys (`?file_ids=a&file_ids=b`).
                 * @example [
                 *       "file_94847856-a56f-4b1e-82dd-7fe0b3af43d9",
                 *       "file_1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b"
                 *     ]
                 */
                file_ids: string[];
                /**
                 * @description Team to act on; defaults to the credential's team. A team other than the key's gives 403
                 *     (assumption).
                 * @example team_mock
                 */
                team_id?: components["parameters"]["TeamId"];
            };
            header?: never;
            path: {
                /**
                 * @description Collection id (`collection_<uuid>`). Not format-checked; unknown or malformed ids give 404.
                 * @example collection_80100614-300c-4609-959b-a138fa90f542
                 */
                collection_id: components["parameters"]["CollectionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The documents found, in the requested order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "documents": [
                     *         {
                     *           "file_metadata": {
                     *             "file_id": "file_94847856-a56f-4b1e-82dd-7fe0b3af43d9",
                     *             "name": "tsla-20250630.txt",
                     *             "size_bytes": "119237",
                     *             "content_type": "text/plain",
                     *             "created_at": "2025-09-16T19:06:53.472088Z",
                     *             "expires_at": null,
                     *             "hash": "a15b2225695f242af60e5d99a7455b0a2e371dac88283401ebc013dba1dfbc84"
                     *           },
                     *           "fields": {
                     *             "type": "10-Q"
                     *           },
                     *           "status": "DOCUMENT_STATUS_PROCESSED",
                     *           "error_message": "",
                     *           "last_indexed_at": "2025-09-16T19:06:58.120004Z",
                     *           "chunk_count": 42,
                     *           "chunks_processed_count": "42"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["BatchGetDocumentsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    listFiles: {
        parameters: {
            query?: {
                /**
                 * @description Page size, 1..100, default 100. Out-of-range values are clamped, not rejected
                 *     (assumption): above 100 → 100, 0 or below → 100.
                 * @example 10
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Sort direction.
                 * @example desc
                 */
                order?: "asc" | "desc";
                /**
                 * @description Sort key; `filename` sorts case-sensitively.
                 * @example filename
                 */
                sort_by?: "created_at" | "filename" | "size";
                /**
                 * @description Opaque token from the previous page. A token that does not decode gives 400.
                 * @example eyJzIjoiMCIsIm8iOiIyIiwiayI6IlN1cHBvcnQgdGlja2V0cyJ9
                 */
                pagination_token?: components["parameters"]["PaginationToken"];
                /**
                 * @description Alias of `pagination_token` (OpenAI compatibility).
                 * @example file_94847856-a56f-4b1e-82dd-7fe0b3af43d9
                 */
                after?: string;
                /**
                 * @description AIP-160 style filter (`=`, `!=`, `>`, `>=`, `<`, `<=`, `:`, `a:1..2`, `AND`, `OR`,
                 *     `NOT`; OR binds tighter than AND). Substring matches are case-insensitive (assumption).
                 *     A parse error or an unknown field gives 400. The fields per list are in the operation's
                 *     description.
                 * @example collection_name:"SEC" AND documents_count:>10
                 */
                filter?: components["parameters"]["Filter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of files. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListFilesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    uploadFile: {
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
                 *       "file": "Tesla, Inc. Quarterly Report on Form 10-Q for the period ended June 30, 2025.",
                 *       "purpose": "assistants",
                 *       "expires_after": 86400
                 *     }
                 */
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The file bytes; the part's filename becomes `filename`.
                     */
                    file: string;
                    /** @description Accepted and ignored. */
                    purpose?: string;
                    /** @description Lifetime in seconds from upload. */
                    expires_after?: number;
                    /**
                     * @description OpenAI SDK form; anchor of the expiry.
                     * @enum {string}
                     */
                    "expires_after[anchor]"?: "created_at";
                    /** @description OpenAI SDK form; lifetime in seconds from the anchor. */
                    "expires_after[seconds]"?: number;
                };
            };
        };
        responses: {
            /** @description The stored file. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "file_94847856-a56f-4b1e-82dd-7fe0b3af43d9",
                     *       "object": "file",
                     *       "bytes": 119237,
                     *       "created_at": 1758049613,
                     *       "expires_at": 1758136013,
                     *       "filename": "tsla-20250630.txt",
                     *       "purpose": ""
                     *     }
                     */
                    "application/json": components["schemas"]["File"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    retrieveFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description File id (`file_<uuid>`). Not format-checked; unknown or malformed ids give 404.
                 * @example file_94847856-a56f-4b1e-82dd-7fe0b3af43d9
                 */
                file_id: components["parameters"]["FileId"];
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
                    /**
                     * @example {
                     *       "id": "file_94847856-a56f-4b1e-82dd-7fe0b3af43d9",
                     *       "object": "file",
                     *       "bytes": 119237,
                     *       "created_at": 1758049613,
                     *       "filename": "tsla-20250630.txt",
                     *       "purpose": ""
                     *     }
                     */
                    "application/json": components["schemas"]["File"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description File id (`file_<uuid>`). Not format-checked; unknown or malformed ids give 404.
                 * @example file_94847856-a56f-4b1e-82dd-7fe0b3af43d9
                 */
                file_id: components["parameters"]["FileId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deletion receipt. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "file_94847856-a56f-4b1e-82dd-7fe0b3af43d9",
                     *       "object": "file",
                     *       "deleted": true
                     *     }
                     */
                    "application/json": components["schemas"]["DeleteFileResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    downloadFileContent: {
        parameters: {
            query?: {
                /**
                 * @description `original` bytes or extracted `text`.
                 * @example original
                 */
                format?: "original" | "text";
            };
            header?: never;
            path: {
                /**
                 * @description File id (`file_<uuid>`). Not format-checked; unknown or malformed ids give 404.
                 * @example file_94847856-a56f-4b1e-82dd-7fe0b3af43d9
                 */
                file_id: components["parameters"]["FileId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file content. */
            200: {
                headers: {
                    /**
                     * @description `attachment; filename="<filename>"`. A name that is not plain ASCII also gets the
                     *     RFC 6266 form `filename*=UTF-8''<percent-encoded name>`, with non-ASCII characters of
                     *     the quoted `filename` replaced by `_`.
                     * @example attachment; filename="tsla-20250630.txt"
                     */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /** @example Tesla, Inc. Quarterly Report on Form 10-Q for the period ended June 30, 2025. */
                    "application/octet-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    searchDocuments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SearchRequest"];
            };
        };
        responses: {
            /** @description The best matching chunks, by score, highest first; `{"matches": []}` when none. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "matches": [
                     *         {
                     *           "file_id": "file_94847856-a56f-4b1e-82dd-7fe0b3af43d9",
                     *           "chunk_id": "0199717c-511b-7a80-bab3-dfe9a27f82ab",
                     *           "chunk_content": "Tesla, Inc. Form 10-Q. Total revenues were $22.5 billion.",
                     *           "score": 0.016393442,
                     *           "collection_ids": [
                     *             "collection_80100614-300c-4609-959b-a138fa90f542"
                     *           ],
                     *           "fields": {
                     *             "type": "10-Q"
                     *           },
                     *           "page_number": 0
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["SearchResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
}
