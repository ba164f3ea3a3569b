// class: exit
// source: original (an Error the host may not catch)
// expect: exit
throw new InternalError('boom from the definition')
