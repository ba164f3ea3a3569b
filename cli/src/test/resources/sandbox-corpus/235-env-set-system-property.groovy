// class: env
// source: original (weakens later evaluations in the same JVM)
// expect: escape
System.setProperty('siteplan.dsl.timeoutSeconds', '999999')
System.setProperty('@SYSPROP@', 'overwritten')
