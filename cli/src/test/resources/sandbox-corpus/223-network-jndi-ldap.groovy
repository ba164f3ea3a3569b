// class: network
// source: original (JNDI lookup)
// expect: connect
new javax.naming.InitialContext().lookup('ldap://127.0.0.1:@PORT@/cn=x')
