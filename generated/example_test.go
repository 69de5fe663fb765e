package generated_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/graphgen-dev/graphgen/graphrt/graphtest"

	"github.com/graphgen-dev/graphgen/generated"
	"github.com/graphgen-dev/graphgen/generated/calendar"
	"github.com/graphgen-dev/graphgen/generated/calendar/calendarmock"
	"github.com/graphgen-dev/graphgen/generated/generatedmock"
	"github.com/graphgen-dev/graphgen/generated/subscription"
	"github.com/graphgen-dev/graphgen/generated/user"
	"github.com/graphgen-dev/graphgen/generated/user/usermock"
	"github.com/graphgen-dev/graphgen/graphrt"
)

// ExampleNewMock tests code against the generated mock of the whole API:
// every operation answers with its documented example.
func ExampleNewMock() {
	srv := httptest.NewServer(generatedmock.NewMock(generatedmock.Handlers{}))
	defer srv.Close()
	c := calendar.New(generated.NewClient(&http.Client{Transport: graphrt.BearerTransport{Token: "test"}}, srv.URL))

	cal, err := c.GetMe(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(*cal.Name, *cal.CanEdit)
	// Output: Calendar true
}

// notFound overrides one operation of the calendar area's mock; the others
// keep their documented answers.
type notFound struct{ calendarmock.DocsHandler }

func (notFound) Get(w http.ResponseWriter, r *http.Request) {
	graphtest.WriteError(w, http.StatusNotFound, "ErrorItemNotFound", "The specified object was not found in the store.")
}

// ExampleHandler overrides one operation of one area to test an error path,
// and checks permissions with a test token; the other areas of the mock of
// the whole API answer with their documented examples.
func ExampleHandler() {
	srv := httptest.NewServer(generatedmock.NewMock(generatedmock.Handlers{Calendar: notFound{}}))
	defer srv.Close()
	ctx := context.Background()

	c := calendar.New(generated.NewClient(&http.Client{Transport: graphrt.BearerTransport{Token: "test"}}, srv.URL))
	_, err := c.GetMe(ctx)
	fmt.Println(graphrt.IsNotFound(err))

	// An application token without the documented permissions is refused.
	app := graphtest.TestToken(graphtest.Application, "Nothing.Read.All")
	s := subscription.New(generated.NewClient(&http.Client{Transport: graphrt.BearerTransport{Token: app}}, srv.URL))
	for _, err := range s.List(ctx) { // every subscription, page after page
		fmt.Println(graphrt.IsForbidden(err))
		break
	}
	// Output:
	// true
	// true
}

// Example_oneArea tests code that calls the users API against the user
// area's mock alone: its test binary compiles that area's mock, not the
// whole API's. GET /me answers with user-get.md's example 2.
func Example_oneArea() {
	srv := httptest.NewServer(usermock.NewMock(usermock.DocsHandler{}))
	defer srv.Close()
	users := user.New(generated.NewClient(&http.Client{Transport: graphrt.BearerTransport{Token: "test"}}, srv.URL))

	me, err := users.GetMe(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(*me.DisplayName, *me.JobTitle)
	// Output: Adele Vance Retail Manager
}
