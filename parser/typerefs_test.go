package parser_test

import (
	"testing"
)

// typeRefPages: workingHours' daysOfWeek cell is the unlinked text
// "dayOfWeek collection" (as on the English page), relatedContact's is
// "`contactRelationship`"; the enumerations are on an enums page. An
// Intune page links keyValuePair through its own page name
// (intune-mam-keyvaluepair), which documents the same type as
// keyvaluepair.md. The call records enums page declares its namespace.
var typeRefPages = map[string]string{
	"v1.0/resources/workinghours.md": `---
title: workingHours resource type
doc_type: resourcePageType
---
# workingHours resource type

## Properties

| Property | Type | Description |
|:--|:--|:--|
| daysOfWeek | dayOfWeek collection | The days of the week on which the user works. |
| relationship | ` + "`contactRelationship`" + ` | How the contact relates. |
| settings | [keyValuePair](intune-mam-keyvaluepair.md) collection | Settings. |
| platform | microsoft.graph.callRecords.clientPlatform | The platform. |
| modalities | modality collection | The modalities. |

## JSON representation

<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.workingHours" } -->
~~~json
{ "daysOfWeek": ["string"], "relationship": "string", "settings": [], "platform": "string", "modalities": ["string"] }
~~~
`,
	"v1.0/resources/enums.md": `---
title: Enum values
doc_type: enumPageType
---
# Enum values

Namespace: microsoft.graph

### dayOfWeek values

| Member |
|:--|
| sunday |
| monday |

### modality values

| Member |
|:--|
| audio |
| video |

### contactRelationship values

| Member |
|:--|
| parent |
| child |
`,
	"v1.0/resources/enums-callrecords.md": `---
title: Call records enum values
doc_type: enumPageType
---
# Call records enum values

Namespace: microsoft.graph.callRecords

### clientPlatform values

| Member
|:--------------
| unknown
| windows

### modality values

| Member
|:--------------
| audio
| screenSharing
`,
	"v1.0/resources/keyvaluepair.md": `---
title: keyValuePair resource type
doc_type: resourcePageType
---
# keyValuePair resource type

## Properties

| Property | Type | Description |
|:--|:--|:--|
| name | String | Name. |
| value | String | Value. |

## JSON representation

<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.keyValuePair" } -->
~~~json
{ "name": "string", "value": "string" }
~~~
`,
	"v1.0/resources/intune-mam-keyvaluepair.md": `---
title: keyValuePair resource type
doc_type: resourcePageType
---
# keyValuePair resource type

## Properties

| Property | Type | Description |
|:--|:--|:--|
| name | String | Name for this key-value pair |
| value | String | Value for this key-value pair |

## JSON representation

<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.keyValuePair" } -->
~~~json
{ "name": "String", "value": "String" }
~~~
`,
}

// TestTypeReferencesTheDocsName: each property's type is the one its cell
// names, read by hand from the pages above: an unlinked "X collection"
// or backticked name, a link to a page whose type was merged into
// another page's, and an enumeration of a page with its own namespace; an
// unlinked name is looked up in the referring type's namespace first.
func TestTypeReferencesTheDocsName(t *testing.T) {
	api := parseDocs(t, typeRefPages)
	want := map[string]string{
		"daysOfWeek":   "microsoft.graph.dayOfWeek",
		"relationship": "microsoft.graph.contactRelationship",
		"settings":     "microsoft.graph.keyValuePair",
		"platform":     "microsoft.graph.callRecords.clientPlatform",
		"modalities":   "microsoft.graph.modality", // not callRecords.modality, which sorts first
	}
	for _, p := range typeNamed(t, api, "microsoft.graph.workingHours").Properties {
		if p.Type != want[p.Name] || p.Ref != "" {
			t.Errorf("%s: type %q, ref %q; want %s", p.Name, p.Type, p.Ref, want[p.Name])
		}
	}
	typeNamed(t, api, "microsoft.graph.callRecords.clientPlatform")
}
