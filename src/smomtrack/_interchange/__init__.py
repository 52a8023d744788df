"""Layer 6: interchange. JSON documents, CSV spreadsheets and the SQLite store."""
