#!/usr/bin/env python3
"""PyTorch eager reference for `patchbank-cli bench recon`: the reconstruction detector PatchBank
trains (Dinomaly-style: bottleneck MLP with dropout, decoder blocks with linear attention, anomaly
map = 1 - cosine per layer group) trained with the same StableAdamW step on random features.
Prints one JSON line with iterations/s.

    python3 bench/recon_pytorch_reference.py --dim 128 --groups 32,96 --blocks 8 --grid 28 \
        --batch 16 --threads 2 --iterations 5 --warmup 1
"""
import argparse
import json
import os
import time


def parse():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dim", type=int, default=128)
    p.add_argument("--groups", default="32,96", help="channels per layer group, summing to --dim")
    p.add_argument("--heads", type=int, default=0, help="0 = dim / 64")
    p.add_argument("--blocks", type=int, default=8)
    p.add_argument("--mlp-ratio", type=int, default=4)
    p.add_argument("--grid", type=int, default=28)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--threads", type=int, default=0, help="0 = torch's default")
    p.add_argument("--iterations", type=int, default=5)
    p.add_argument("--warmup", type=int, default=1)
    return p.parse_args()


args = parse()
if args.threads > 0:  # before torch loads its BLAS
    os.environ.setdefault("OMP_NUM_THREADS", str(args.threads))
    os.environ.setdefault("OPENBLAS_NUM_THREADS", str(args.threads))
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from torch import nn  # noqa: E402

if args.threads > 0:
    torch.set_num_threads(args.threads)


class LinearAttention(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x):
        b, n, c = x.shape
        q, k, v = self.qkv(x).reshape(b, n, 3, self.heads, c // self.heads).permute(2, 0, 3, 1, 4)
        q, k = F.elu(q) + 1.0, F.elu(k) + 1.0
        kv = k.transpose(-2, -1) @ v
        z = 1.0 / (q * k.sum(-2, keepdim=True)).sum(-1, keepdim=True)
        return self.proj(((q @ kv) * z).transpose(1, 2).reshape(b, n, c))


class Block(nn.Module):
    def __init__(self, dim, heads, ratio):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, eps=1e-8)
        self.attention = LinearAttention(dim, heads)
        self.norm2 = nn.LayerNorm(dim, eps=1e-8)
        self.fc1 = nn.Linear(dim, dim * ratio)
        self.fc2 = nn.Linear(dim * ratio, dim)

    def forward(self, x):
        x = x + self.attention(self.norm1(x))
        return x + self.fc2(F.gelu(self.fc1(self.norm2(x))))


class Network(nn.Module):
    def __init__(self, dim, heads, blocks, ratio, groups):
        super().__init__()
        self.groups = groups
        self.bottleneck1 = nn.Linear(dim, dim * ratio)
        self.bottleneck2 = nn.Linear(dim * ratio, dim)
        self.dropout = nn.Dropout(0.2)
        self.blocks = nn.ModuleList([Block(dim, heads, ratio) for _ in range(blocks)])

    def forward(self, x):
        y = self.dropout(self.bottleneck2(self.dropout(F.gelu(self.bottleneck1(x)))))
        outputs = []
        for block in self.blocks:
            y = block(y)
            outputs.append(y)
        per = len(outputs) // len(self.groups)
        total, channel = 0, 0
        for i, width in enumerate(self.groups):
            fused = sum(outputs[len(outputs) - 1 - (i * per + j)] for j in range(per)) / per
            en, de = x[..., channel:channel + width], fused[..., channel:channel + width]
            total = total + (1.0 - F.cosine_similarity(en, de, dim=2, eps=1e-8))
            channel += width
        return total / len(self.groups)


def stable_adamw_step(params, state, lr, step, wd=1e-4, b1=0.9, b2=0.999, eps=1e-10):
    bc1, bc2 = 1 - b1 ** step, 1 - b2 ** step
    with torch.no_grad():
        for p in params:
            g = p.grad
            m, v, vmax = state[p]
            m.mul_(b1).add_(g, alpha=1 - b1)
            v.mul_(b2).addcmul_(g, g, value=1 - b2)
            torch.maximum(vmax, v, out=vmax)
            rms = (g * g / (v / bc2).clamp_min(eps * eps)).mean().sqrt().item()
            step_lr = lr / max(1.0, rms)
            p.mul_(1 - step_lr * wd)
            p.addcdiv_(m / bc1, (vmax / bc2).sqrt().add_(eps), value=-step_lr)


groups = [int(g) for g in args.groups.split(",")]
heads = args.heads or max(1, args.dim // 64)
torch.manual_seed(0)
net = Network(args.dim, heads, args.blocks, args.mlp_ratio, groups)
params = list(net.parameters())
state = {p: (torch.zeros_like(p), torch.zeros_like(p), torch.zeros_like(p)) for p in params}
x = torch.randn(args.batch, args.grid * args.grid, args.dim)
net.train()
times = []
for it in range(args.warmup + args.iterations):
    start = time.perf_counter()
    loss = net(x).mean()
    for p in params:
        p.grad = None
    loss.backward()
    stable_adamw_step(params, state, 2e-3, it + 1)
    if it >= args.warmup:
        times.append(time.perf_counter() - start)
print(json.dumps({"iterations_per_s": len(times) / sum(times), "torch": torch.__version__,
                  "threads": torch.get_num_threads(), "loss": float(loss)}))
