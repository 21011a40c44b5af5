"""Site search: the search backend with a text search configuration per language
(`backend`) and the reader-facing search page (`views`)."""
