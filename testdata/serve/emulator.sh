#!/bin/sh
# The emulator's scenario, driven by curl against graphgen serve over
# testdata/docs: create a user, read it back, update it, list users with
# $filter and $top across pages, add the user to a group through $ref,
# list the group's members, delete the user and get 404. The statuses are
# the pages' own (user-post-users: 201 Created, user-update: 204 No
# Content, group-post-members: 204, user-delete: 204); the error is
# Graph's (404 Request_ResourceNotFound).
#
# Environment (set by TestServeScripts in cmd/graphgen):
#   GRAPH        base URL, http://127.0.0.1:PORT/v1.0
#   ADMIN_TOKEN  a delegated test token with the directory's write permissions
#
# POSIX sh, curl and sed only.
set -eu

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# call METHOD URL [BODY] sets status, emulated (the X-Graphgen-Emulated
# header) and body from the answer; URL is absolute or below $GRAPH.
call() {
	case $2 in
	http*) url=$2 ;;
	*) url=$GRAPH$2 ;;
	esac
	if [ $# -ge 3 ]; then
		answer=$(curl -sS --max-time 10 -w '\n%header{x-graphgen-emulated}\n%{http_code}' -X "$1" \
			-H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' --data "$3" "$url") ||
			fail "$1 $url: curl failed"
	else
		answer=$(curl -sS --max-time 10 -w '\n%header{x-graphgen-emulated}\n%{http_code}' -X "$1" \
			-H "Authorization: Bearer $ADMIN_TOKEN" "$url") || fail "$1 $url: curl failed"
	fi
	status=${answer##*
}
	answer=${answer%
*}
	emulated=${answer##*
}
	body=${answer%
*}
	echo "$1 $url -> $status ($emulated)"
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

# lacks TEXT fails when the last answer's body contains TEXT.
lacks() {
	case $body in
	*"$1"*) fail "the body has $1: $body" ;;
	esac
}

# member NAME prints the string member NAME of the last body (the first
# one, JSON escapes of & < > undone).
member() {
	case $body in
	*"\"$1\":\""*) ;;
	*) fail "no member $1 in $body" ;;
	esac
	v=${body#*\""$1"\":\"}
	printf '%s\n' "${v%%\"*}" | sed 's/\\u0026/\&/g; s/\\u003c/</g; s/\\u003e/>/g'
}

# count TEXT prints how many times TEXT occurs in the last body (one line
# more than that once each occurrence ends a line).
count() {
	echo $(($(printf '%s\n' "$body" | sed "s/$1/\n/g" | sed -n '$=') - 1))
}

user() { # user DISPLAYNAME NICK: the body of user-post-users' example
	printf '{"accountEnabled": true, "displayName": "%s", "mailNickname": "%s", "userPrincipalName": "%s@contoso.onmicrosoft.com", "passwordProfile": {"forceChangePasswordNextSignIn": true, "password": "xWwvJ]6NMw+bWH-d"}}' "$1" "$2" "$2"
}

# Create Ada, read her back, update her.
call POST /users "$(user 'Ada Lovelace' ada)"
expect 201 '"displayName":"Ada Lovelace"'
[ "$emulated" = state ] || fail "POST /users answered from $emulated, want state"
ada=$(member id)
call GET "/users/$ada"
expect 200 '"userPrincipalName":"ada@contoso.onmicrosoft.com"'
call GET /users/ada@contoso.onmicrosoft.com
expect 200 "\"id\":\"$ada\""
call PATCH "/users/$ada" '{"jobTitle": "Analyst"}'
expect 204
call GET "/users/$ada"
expect 200 '"jobTitle":"Analyst"'

# Three more users; three of the four names start with A.
call POST /users "$(user 'Alan Turing' alan)"
expect 201
call POST /users "$(user 'Grace Hopper' grace)"
expect 201
call POST /users "$(user 'Anita Borg' anita)"
expect 201

# $filter and $top: two pages of A-names, the second through @odata.nextLink.
call GET "/users?\$filter=startswith(displayName,'A')&\$top=2&\$count=true"
expect 200 '"@odata.count":3'
[ "$(count '"displayName"')" = 2 ] || fail "page 1 has $(count '"displayName"') users, want 2: $body"
lacks 'Grace Hopper'
next=$(member @odata.nextLink)
call GET "$next"
expect 200 '"displayName":"Anita Borg"'
[ "$(count '"displayName"')" = 1 ] || fail "page 2 has $(count '"displayName"') users, want 1: $body"
lacks '@odata.nextLink'

# A group, Ada a member through $ref.
call POST /groups '{"description": "Self help community for library", "displayName": "Library Assist", "groupTypes": ["Unified"], "mailEnabled": true, "mailNickname": "library", "securityEnabled": false}'
expect 201 '"displayName":"Library Assist"'
group=$(member id)
call POST "/groups/$group/members/\$ref" "{\"@odata.id\": \"https://graph.microsoft.com/v1.0/directoryObjects/$ada\"}"
expect 204
call GET "/groups/$group/members"
expect 200 "\"id\":\"$ada\""

# Delete Ada: gone, and no longer a member.
call DELETE "/users/$ada"
expect 204
call GET "/users/$ada"
expect 404 '"code":"Request_ResourceNotFound"'
call GET "/groups/$group/members"
expect 200
lacks "$ada"

# An action the docs describe only in prose answers with its example.
call POST /me/sendMail '{"message": {"subject": "Meet for lunch?", "toRecipients": [{"emailAddress": {"address": "fannyd@contoso.onmicrosoft.com"}}]}}'
expect 202
[ "$emulated" = example ] || fail "sendMail answered from $emulated, want example"
