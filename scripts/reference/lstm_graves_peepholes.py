# Graves (2012) peephole LSTM, eqs. 4.2-4.10 as in notes 004: input and forget gates see s_c^{t-1},
# the output gate sees the new s_c^t. Written independently of the Swift code.
import math
sig = lambda a: 1/(1+math.exp(-a))
x = [1.0, -1.0]; h = 0.5; c = -0.4
Wi, Ui, bi, pi = 0.5, 1.0, 0.1, 0.5     # i: W = [[0.5, 1]] on [h, x]
Wf, Uf, bf, pf = -0.5, 0.5, 1.0, -1.0
Wo, Uo, bo, po = 1.0, -0.5, 0.0, 0.5
Wg, Ug, bg = 1.0, 1.0, -0.2
for xt in x:
    ai = Wi*h + Ui*xt + bi + pi*c; i = sig(ai)
    af = Wf*h + Uf*xt + bf + pf*c; f = sig(af)
    ag = Wg*h + Ug*xt + bg; g = math.tanh(ag)
    cn = f*c + i*g
    ao = Wo*h + Uo*xt + bo + po*cn; o = sig(ao)
    hn = o*math.tanh(cn)
    print(repr(ai), repr(af), repr(ao), repr(ag)); print(repr(i), repr(f), repr(o), repr(g)); print("c", repr(cn), "h", repr(hn))
    h, c = hn, cn
