# Image of the API and the indexer job (docker-compose.yml). Elasticsearch runs from the
# official image; the embedded engine and its plugin are for machines without Docker.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY indexer indexer
COPY search_api search_api
COPY analyzers/__init__.py analyzers/analysis.json analyzers/synonyms.txt analyzers/
COPY mappings mappings
COPY models models
COPY embeddings embeddings
COPY evaluation evaluation
COPY hardening hardening
COPY ranking ranking
COPY deploy/with-es-user.sh /usr/local/bin/with-es-user
# A fixed uid (10001), so docker-compose.yml can name it and deploy/init.sh hand it its password.
RUN pip install --no-cache-dir . \
    && groupadd --system --gid 10001 metierscope \
    && useradd --system --uid 10001 --gid 10001 --no-create-home metierscope \
    && mkdir -p /cache && chown metierscope:metierscope /cache
USER 10001:10001
EXPOSE 8000
