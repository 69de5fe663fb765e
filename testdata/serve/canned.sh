#!/bin/sh
# Canned answers of graphgen serve over testdata/docs, driven by curl as a
# client in any language would drive it. Every expected value is from a
# page of testdata/docs/en-2021/api-reference/v1.0/api.
#
# Environment (set by TestServeScripts in cmd/graphgen):
#   GRAPH          base URL, http://127.0.0.1:PORT/v1.0
#   TOKEN          a delegated test token with User.ReadWrite.All and Mail.Send
#   LIMITED_TOKEN  a delegated test token with User.Read only
#
# POSIX sh and curl only: no jq, grep or temporary files.
#
# The documented examples answer every route here, not the emulator:
# graphgen serve flags: -emulate=false
set -eu

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# call METHOD PATH TOKEN [BODY] sets status and body from the answer.
call() {
	if [ $# -ge 4 ]; then
		answer=$(curl -sS --max-time 10 -w '\n%{http_code}' -X "$1" -H "Authorization: Bearer $3" \
			-H 'Content-Type: application/json' --data "$4" "$GRAPH$2") || fail "$1 $2: curl failed"
	else
		answer=$(curl -sS --max-time 10 -w '\n%{http_code}' -X "$1" -H "Authorization: Bearer $3" "$GRAPH$2") ||
			fail "$1 $2: curl failed"
	fi
	status=${answer##*
}
	body=${answer%
*}
	echo "$1 $2 -> $status"
}

# expect STATUS [TEXT] fails unless the last answer has STATUS and its body
# contains TEXT.
expect() {
	[ "$status" = "$1" ] || fail "status $status, want $1: $body"
	if [ $# -ge 2 ]; then
		case $body in
		*"$2"*) ;;
		*) fail "the body lacks $2: $body" ;;
		esac
	fi
}

# user-get.md: GET /users/{id | userPrincipalName} answers "HTTP/1.1 200 OK"
# with Adele Vance.
call GET /users/87d349ed-44d7-43e1-9a83-5f2406dee5bd "$TOKEN"
expect 200 '"displayName": "Adele Vance"'

# user-sendmail.md: POST /me/sendMail answers "HTTP/1.1 202 Accepted".
mail='{"message": {"subject": "Meet for lunch?", "toRecipients": [{"emailAddress": {"address": "fannyd@contoso.onmicrosoft.com"}}]}}'
call POST /me/sendMail "$TOKEN" "$mail"
expect 202

# user-sendmail.md documents Mail.Send alone: User.Read is refused.
call POST /me/sendMail "$LIMITED_TOKEN" "$mail"
expect 403 '"code":"Authorization_RequestDenied"'

# user-sendmail.md: message is Required.
call POST /me/sendMail "$TOKEN" '{"saveToSentItems": false}'
expect 400 'required member \"message\" is missing'
