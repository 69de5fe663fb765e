package generated_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/graphgen-dev/graphgen/generated"
	"github.com/graphgen-dev/graphgen/generated/generatedmock"
	"github.com/graphgen-dev/graphgen/generated/group"
	"github.com/graphgen-dev/graphgen/generated/message"
	"github.com/graphgen-dev/graphgen/generated/user"
	"github.com/graphgen-dev/graphgen/graphrt"
)

// Example_everydayCalls is the README's side-by-side: five everyday calls,
// compiled and run against the generated mock, which answers each with its
// page's documented example (the values printed are the docs' own).
func Example_everydayCalls() {
	srv := httptest.NewServer(generatedmock.NewMock(generatedmock.Handlers{}))
	defer srv.Close()
	c := generated.NewClient(&http.Client{Transport: graphrt.BearerTransport{Token: "test"}}, srv.URL)
	ctx := context.Background()
	users, groups, messages := user.New(c), group.New(c), message.New(c)

	// 1. Get a user: GET /users/{id}
	u, err := users.Get(ctx, "adele@contoso.com", graphrt.Select("displayName", "mail"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(*u.DisplayName)

	// 2. List a group's members, every page: GET /groups/{id}/members
	for m, err := range groups.ListMembers(ctx, "02bd9fd6-8f93-4758-87c3-1fb73740a315") {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(*m.ID)
	}

	// 3. Send mail: POST /users/{id}/sendMail
	err = users.SendMail(ctx, "adele@contoso.com", &user.SendMailRequest{
		Message: generated.Message{
			Subject:      ptr("Meet for lunch?"),
			Body:         &generated.ItemBody{ContentType: ptr(generated.BodyTypeText), Content: ptr("The new cafeteria is open.")},
			ToRecipients: []generated.Recipient{{EmailAddress: &generated.EmailAddress{Address: ptr("fannyd@contoso.onmicrosoft.com")}}},
		},
	})
	fmt.Println(err)

	// 4. Create a group: POST /groups
	g, err := groups.Create(ctx, &generated.Group{
		DisplayName: ptr("Library Assist"), MailNickname: ptr("library"),
		MailEnabled: ptr(true), SecurityEnabled: ptr(false), GroupTypes: []string{"Unified"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(*g.DisplayName)

	// 5. Delete a message: DELETE /users/{id}/messages/{id}
	fmt.Println(messages.Delete(ctx, "adele@contoso.com", "AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiIsqMbYjsT5e-T7KzowPTAAAAAAEMAAAiIsqMbYjsT5e-T7KzowPTAAAYbvZDAAA="))
	// Output:
	// Adele Vance
	// 11111111-2222-3333-4444-555555555555
	// <nil>
	// Library Assist
	// <nil>
}
