# Independent LSTM: PyTorch nn.LSTM documented equations
#   i = σ(W_ii x + b_ii + W_hi h + b_hi), f = σ(W_if x + b_if + W_hf h + b_hf)
#   g = tanh(W_ig x + b_ig + W_hg h + b_hg), o = σ(W_io x + b_io + W_ho h + b_ho)
#   c' = f*c + i*g, h' = o*tanh(c')
# The spec's Ux is PyTorch's W_i* (input-hidden), Wh is W_h* (hidden-hidden); b_i* = b, b_h* = 0.
import math, json
def sig(a): return 1/(1+math.exp(-a))
def mv(M, v): return [sum(m*x for m, x in zip(row, v)) for row in M]
def lstm(p):
    h, c = p["h0"], p["c0"]; out = []
    for x in p["x"]:
        G = {}
        for q in "ifgo":
            g = p["gates"][q]
            a = [u + w + b for u, w, b in zip(mv(g["Ux"], x), mv(g["Wh"], h), g["b"])]
            G[q] = (a, [math.tanh(v) if q == "g" else sig(v) for v in a])
        c = [f*cc + i*gg for f, cc, i, gg in zip(G["f"][1], c, G["i"][1], G["g"][1])]
        h = [o*math.tanh(cc) for o, cc in zip(G["o"][1], c)]
        out.append((G, c, h))
    return out
p = json.load(open(__import__("sys").argv[1] if len(__import__("sys").argv) > 1 else "problems/lstm-contract-example.json"))
for G, c, h in lstm(p):
    for q in "ifog": print(q, "pre", [repr(v) for v in G[q][0]], "val", [repr(v) for v in G[q][1]])
    print("c", [repr(v) for v in c]); print("h", [repr(v) for v in h])
