# Independent GRU from PyTorch's nn.GRU documentation:
#   r = σ(W_ir x + b_ir + W_hr h + b_hr); z = σ(W_iz x + b_iz + W_hz h + b_hz)
#   n = tanh(W_in x + b_in + r * (W_hn h + b_hn)); h' = (1 - z) * n + z * h
# with W_i* = Ux, W_h* = Wh, b_i* = b, b_h* = 0 (the spec's reset "after", z_weights "previous").
# The other conventions: reset "before" (Cho et al. / Keras reset_after=False): n = tanh(W_in x + W_hn (r*h) + b);
# z_weights "candidate": h' = (1 - z) * h + z * n.
import math, json, sys
sig = lambda a: 1/(1+math.exp(-a))
mv = lambda M, v: [sum(m*x for m, x in zip(row, v)) for row in M]
def gru(p, reset="after", zw="previous"):
    h = p["h0"]; out = []
    for x in p["x"]:
        G = p["gates"]
        ar = [a+b+c for a, b, c in zip(mv(G["r"]["Ux"], x), mv(G["r"]["Wh"], h), G["r"]["b"])]
        az = [a+b+c for a, b, c in zip(mv(G["z"]["Ux"], x), mv(G["z"]["Wh"], h), G["z"]["b"])]
        r = [sig(v) for v in ar]; z = [sig(v) for v in az]
        if reset == "after":
            an = [a + ri*hn + b for a, ri, hn, b in zip(mv(G["h_tilde"]["Ux"], x), r, mv(G["h_tilde"]["Wh"], h), G["h_tilde"]["b"])]
        else:
            an = [a + hn + b for a, hn, b in zip(mv(G["h_tilde"]["Ux"], x), mv(G["h_tilde"]["Wh"], [ri*hi for ri, hi in zip(r, h)]), G["h_tilde"]["b"])]
        n = [math.tanh(v) for v in an]
        h = [(1-zi)*ni + zi*hi for zi, ni, hi in zip(z, n, h)] if zw == "previous" else [(1-zi)*hi + zi*ni for zi, ni, hi in zip(z, n, h)]
        out.append(dict(ar=ar, az=az, an=an, r=r, z=z, n=n, h=h))
    return out
p = json.load(open(sys.argv[1]))
for reset in ["after", "before"]:
    for zw in ["previous", "candidate"]:
        print(reset, zw, json.dumps(gru(p, reset, zw)))
