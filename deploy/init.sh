#!/usr/bin/env bash
# docker-compose.yml `init`: runs once before Elasticsearch starts, in the Elasticsearch image,
# as root. Generates what security needs when it is missing and keeps it across runs:
#   /secrets/{api,indexer}/password  passwords of the API's read-only user and the indexer's
#                                    user, one volume each: the API never sees the indexer's
#   config/certs/                    a CA and one node certificate: TLS between cluster nodes
set -euo pipefail

APP_UID=10001  # the `metierscope` user of the project image (Dockerfile)
CERTS=config/certs

for user in api indexer; do
  secret="/secrets/$user/password"
  if [ ! -s "$secret" ]; then
    od -An -tx1 -N24 /dev/urandom | tr -d ' \n' > "$secret"  # 48 hex characters
  fi
  chown "$APP_UID" "$secret"
  chmod 400 "$secret"
done

if [ ! -f "$CERTS/ca/ca.crt" ]; then
  bin/elasticsearch-certutil ca --silent --pem --out "$CERTS/ca.zip"
  unzip -oq "$CERTS/ca.zip" -d "$CERTS"
fi
if [ ! -f "$CERTS/node/node.crt" ]; then
  printf 'instances:\n  - name: node\n    dns: [elasticsearch, es02, es03, localhost]\n' \
    > "$CERTS/instances.yml"
  bin/elasticsearch-certutil cert --silent --pem --in "$CERTS/instances.yml" \
    --ca-cert "$CERTS/ca/ca.crt" --ca-key "$CERTS/ca/ca.key" --out "$CERTS/node.zip"
  unzip -oq "$CERTS/node.zip" -d "$CERTS"
fi
rm -f "$CERTS"/*.zip
# The nodes run as uid 1000, group 0: they read through the group; the CA key stays root's.
chown -R root:root "$CERTS"
find "$CERTS" -type d -exec chmod 750 {} +
find "$CERTS" -type f -exec chmod 640 {} +
chmod 600 "$CERTS/ca/ca.key"
echo "secrets and certificates ready"
