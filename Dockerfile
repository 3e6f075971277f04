# syntax=docker/dockerfile:1
# Build with cgo (go-sqlite3), run on a small glibc image as a non-root user.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=1 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/authorbot .

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin authorbot \
 && mkdir -p /data && chown authorbot /data
COPY --from=build /out/authorbot /usr/local/bin/authorbot
USER authorbot
ENV AUTHORBOT_DB=/data/authorbot.db AUTHORBOT_HTTP_ADDR=:8080
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["authorbot"]
CMD ["serve"]
