// class: closure
// source: Jenkins SECURITY-1658 / CVE-2019-16538 (default parameter expressions in closures)
// expect: env
({ p = System.getProperty('@SYSPROP@') + System.getenv('@ENV_NAME@') -> vmwareSite("leak-${p}") { network 'VM Network' } })()
