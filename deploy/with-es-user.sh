#!/bin/sh
# with-es-user USER COMMAND...: run COMMAND as the Elasticsearch user `metierscope_USER`, whose
# password deploy/init.sh generated into /secrets/USER/password (the image's entrypoint helper;
# SECRETS_DIR and ES_HOST override the folder and the engine's address).
set -eu
user=$1
shift
METIERSCOPE_ES_URL="http://metierscope_${user}:$(cat "${SECRETS_DIR:-/secrets}/${user}/password")@${ES_HOST:-elasticsearch:9200}"
export METIERSCOPE_ES_URL
exec "$@"
