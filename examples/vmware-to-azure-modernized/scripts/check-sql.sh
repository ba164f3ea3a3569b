#!/usr/bin/env bash
# Run by the recovery plan after the database group fails over: waits until SQL Server answers.
# siteplan passes the failed-over machine's address in SITEPLAN_TARGET_IP (drills and failovers).
host="${SITEPLAN_TARGET_IP:-erp-db01}"
for i in $(seq 1 30); do
  if (exec 3<>"/dev/tcp/$host/1433") 2>/dev/null; then echo "SQL Server answers on $host:1433"; exit 0; fi
  sleep 10
done
echo "SQL Server did not answer on $host:1433 within 5 minutes" >&2
exit 1
