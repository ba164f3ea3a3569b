#!/usr/bin/env bash
# Run by the linux-services plan after its second group: the message queue failed over in group 1
# must answer before the file and monitoring servers are handed back to users.
host="${SITEPLAN_ADDRESS_MQ01:-mq01}"
for i in $(seq 1 12); do
  if (exec 3<>"/dev/tcp/$host/5672") 2>/dev/null; then echo "RabbitMQ answers on $host:5672"; exit 0; fi
  sleep 5
done
echo "RabbitMQ did not answer on $host:5672 within a minute" >&2
exit 1
