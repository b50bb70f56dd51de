package model

// Version is the version of the model document's schema, the document's
// "model_version" (an integer): bumped whenever a key is added, removed,
// renamed or changes its type or meaning (docs/model.md lists each
// version's changes; TestSchemaVersioned fails when the described schema
// changes without it).
const Version = 1
