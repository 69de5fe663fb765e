package generated_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/graphgen-dev/graphgen/generated"
	"github.com/graphgen-dev/graphgen/generated/calendar"
	"github.com/graphgen-dev/graphgen/generated/generatedmock"
	"github.com/graphgen-dev/graphgen/generated/subscription"
	"github.com/graphgen-dev/graphgen/graphrt"
)

// ExampleNewMock tests code against the generated mock: every operation
// answers with its documented example.
func ExampleNewMock() {
	srv := httptest.NewServer(generatedmock.NewMock(generatedmock.DocsHandler{}))
	defer srv.Close()
	c := calendar.New(generated.NewClient(&http.Client{Transport: graphrt.BearerTransport{Token: "test"}}, srv.URL))

	cal, err := c.CalendarGetMeCalendar(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(*cal.Name, *cal.CanEdit)
	// Output: Calendar true
}

// notFound overrides one operation of the mock; the others keep their
// documented answers.
type notFound struct{ generatedmock.DocsHandler }

func (notFound) CalendarGet(w http.ResponseWriter, r *http.Request) {
	graphrt.WriteError(w, http.StatusNotFound, "ErrorItemNotFound", "The specified object was not found in the store.")
}

// ExampleHandler overrides one operation to test an error path, and checks
// permissions with a test token.
func ExampleHandler() {
	srv := httptest.NewServer(generatedmock.NewMock(notFound{}))
	defer srv.Close()
	ctx := context.Background()

	c := calendar.New(generated.NewClient(&http.Client{Transport: graphrt.BearerTransport{Token: "test"}}, srv.URL))
	_, err := c.CalendarGetMeCalendar(ctx)
	fmt.Println(graphrt.IsNotFound(err))

	// An application token without the documented permissions is refused.
	app := graphrt.TestToken(graphrt.Application, "Nothing.Read.All")
	s := subscription.New(generated.NewClient(&http.Client{Transport: graphrt.BearerTransport{Token: app}}, srv.URL))
	for _, err := range s.SubscriptionList(ctx) { // every subscription, page after page
		fmt.Println(graphrt.IsForbidden(err))
		break
	}
	// Output:
	// true
	// true
}
