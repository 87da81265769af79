#!/bin/sh
# Runs once, on the first start with an empty data volume (docker-entrypoint-initdb.d): the
# portal's login role and its database. The role is deliberately not named like the schema the
# portal migrates into ("portal"): PostgreSQL's search_path starts with "$user", and a role named
# like the schema would make other tools' unqualified tables land there too.
set -eu
: "${PEERDESK_DB_PASSWORD:?set PEERDESK_DB_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v app_password="$PEERDESK_DB_PASSWORD" <<'SQL'
create role peerdesk_app login password :'app_password';
create database peerdesk owner peerdesk_app;
revoke all on database peerdesk from public;
SQL
