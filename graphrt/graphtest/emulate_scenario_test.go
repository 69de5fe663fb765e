package graphtest

import (
	"net/http"
	"slices"
	"testing"
)

// TestScenario walks issue 16's scenario at store level: create a user,
// read it, update it, list users with $filter and $top across pages, add
// it to a group through $ref, list the group's members, delete the user,
// get 404, and find the members list without it.
func TestScenario(t *testing.T) {
	s := seeded(t, StoreOptions{}, `{"groups":[{"id":"g1","displayName":"Staff"}],
		"users":[{"id":"u-alan","displayName":"Alan"},{"id":"u-bob","displayName":"Bob"},{"id":"u-alice","displayName":"Alice"}]}`)
	srv := newTestServer(t, s, "")
	base := srv.URL + "/v1.0"

	created := send(t, "POST", base+"/users", `{"displayName":"Ada","userPrincipalName":"ada@contoso.com","accountEnabled":true}`).mustStatus(t, http.StatusCreated)
	id := created.str("id")
	if id != "00000000-0000-4000-8000-000000000001" || created.str("@odata.type") != "#microsoft.graph.user" {
		t.Fatalf("created %s", created.raw)
	}
	if loc := created.header.Get("Location"); loc != base+"/users/"+id {
		t.Errorf("Location %q", loc)
	}

	got := send(t, "GET", base+"/users/"+id, "").mustStatus(t, http.StatusOK)
	if got.str("displayName") != "Ada" || got.body["accountEnabled"] != true {
		t.Errorf("get %s", got.raw)
	}
	send(t, "PATCH", base+"/users/"+id, `{"displayName":"Ada Lovelace","jobTitle":null}`).mustStatus(t, http.StatusNoContent)
	got = send(t, "GET", base+"/users/ada@contoso.com?$select=displayName,jobTitle", "").mustStatus(t, http.StatusOK)
	if got.raw != `{"@odata.type":"#microsoft.graph.user","displayName":"Ada Lovelace","jobTitle":null}` {
		t.Errorf("after patch %s", got.raw)
	}

	var names []string
	link := base + "/users?$filter=startswith(displayName,'A')&$top=2"
	pages := 0
	for link != "" {
		page := send(t, "GET", link, "").mustStatus(t, http.StatusOK)
		names = append(names, page.values("displayName")...)
		link, pages = page.str("@odata.nextLink"), pages+1
	}
	if want := []string{"Alan", "Alice", "Ada Lovelace"}; !slices.Equal(names, want) || pages != 2 {
		t.Errorf("filtered users over %d pages: %q, want %q over 2", pages, names, want)
	}

	send(t, "POST", base+"/groups/g1/members/$ref", `{"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/`+id+`"}`).mustStatus(t, http.StatusNoContent)
	send(t, "POST", base+"/groups/g1/members/$ref", `{"@odata.id":"https://graph.microsoft.com/v1.0/users/u-bob"}`).mustStatus(t, http.StatusNoContent)
	members := send(t, "GET", base+"/groups/g1/members", "").mustStatus(t, http.StatusOK)
	if got := members.values("displayName"); !slices.Equal(got, []string{"Ada Lovelace", "Bob"}) {
		t.Errorf("members %q", got)
	}
	if got := members.values("@odata.type"); !slices.Equal(got, []string{"#microsoft.graph.user", ""}) {
		t.Errorf("members' types %q", got)
	}

	send(t, "DELETE", base+"/users/"+id, "").mustStatus(t, http.StatusNoContent)
	gone := send(t, "GET", base+"/users/"+id, "").mustStatus(t, http.StatusNotFound)
	if gone.errorCode() != "Request_ResourceNotFound" || gone.errorMessage() != "Resource '"+id+"' does not exist or one of its queried reference-property objects are not present." {
		t.Errorf("404 %s", gone.raw)
	}
	members = send(t, "GET", base+"/groups/g1/members", "").mustStatus(t, http.StatusOK)
	if got := members.values("displayName"); !slices.Equal(got, []string{"Bob"}) {
		t.Errorf("members after delete %q", got)
	}
}
