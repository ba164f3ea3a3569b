// class: exit
// source: original (code that runs at exit, outside the sandbox)
// expect: escape
Runtime.runtime.addShutdownHook(new Thread({ new File('@CANARY_WRITE@').text = 'pwned' } as Runnable))
