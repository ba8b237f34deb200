# Image of the API and the indexer job (docker-compose.yml). Elasticsearch runs from the
# official image; the embedded engine and its plugin are for machines without Docker.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY indexer indexer
COPY search_api search_api
COPY analyzers/__init__.py analyzers/analysis.json analyzers/synonyms.txt analyzers/
COPY mappings mappings
COPY models models
COPY embeddings embeddings
COPY evaluation evaluation
COPY ranking ranking
RUN pip install --no-cache-dir . && useradd --system metierscope \
    && mkdir -p /cache && chown metierscope /cache
USER metierscope
EXPOSE 8000
