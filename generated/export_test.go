package generated

// SameJSON lets the external tests compare JSON as the model tests do.
var SameJSON = sameJSON

// FamilyTypes and TypedJSON let the external tests expect the
// "@odata.type" that models of a polymorphic family send.
var (
	FamilyTypes = familyTypes
	TypedJSON   = typedJSON
)
