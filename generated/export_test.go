package generated

// SameJSON lets the external tests compare JSON as the model tests do.
var SameJSON = sameJSON
