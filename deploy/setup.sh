#!/usr/bin/env bash
# docker-compose.yml `setup`: runs once Elasticsearch is healthy, in the Elasticsearch image.
# As `elastic` (ELASTIC_PASSWORD, from deploy/secrets.env), creates or updates the two users the
# project runs as, with the passwords `init` generated:
#   metierscope_api      read-only on the metierscope-* indices (a compromised API deletes nothing)
#   metierscope_indexer  everything on the metierscope-* indices, nothing else
set -euo pipefail
: "${ELASTIC_PASSWORD:?set ELASTIC_PASSWORD in deploy/secrets.env (see deploy/secrets.env.example)}"

ES=http://elasticsearch:9200
INDICES='"names": ["metierscope-*"]'

put() {
  curl -fsS -u "elastic:$ELASTIC_PASSWORD" -X PUT "$ES/_security/$1" \
    -H 'Content-Type: application/json' -d "$2" > /dev/null
}

put role/metierscope_api \
  "{\"cluster\": [\"monitor\"], \"indices\": [{$INDICES, \"privileges\": [\"read\", \"view_index_metadata\"]}]}"
put role/metierscope_indexer \
  "{\"cluster\": [\"monitor\"], \"indices\": [{$INDICES, \"privileges\": [\"all\"]}]}"
for user in api indexer; do
  put "user/metierscope_$user" \
    "{\"password\": \"$(cat "/secrets/$user/password")\", \"roles\": [\"metierscope_$user\"]}"
done
echo "users metierscope_api and metierscope_indexer ready"
