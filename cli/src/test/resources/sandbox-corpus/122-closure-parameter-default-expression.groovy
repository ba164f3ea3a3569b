// class: closure
// source: Jenkins SECURITY-1658 (default parameter expressions in closures)
// expect: env
({ p = System.getProperty('@SYSPROP@') + System.getenv('@ENV_NAME@') -> vmwareSite("leak-${p}") { network 'VM Network' } })()
