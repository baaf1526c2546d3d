#!/usr/bin/env python3
"""PyTorch eager reference for `patchbank-cli bench vit`: the DINOv3 ViT architecture (RoPE on
patch tokens, CLS + 4 registers, LayerScale, erf-GELU MLP, no k bias), written in plain torch the
way Hugging Face's DINOv3ViTModel runs it, with random weights. Prints one JSON line with images/s.

    python3 bench/vit_pytorch_reference.py --hidden 384 --layers 12 --heads 6 --intermediate 1536 \
        --resolution 448 --batch 1 --threads 2 --iterations 3 --warmup 1
"""
import argparse
import json
import math
import os
import sys
import time


def parse():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--hidden", type=int, default=384)
    p.add_argument("--layers", type=int, default=12)
    p.add_argument("--heads", type=int, default=6)
    p.add_argument("--intermediate", type=int, default=1536)
    p.add_argument("--patch", type=int, default=16)
    p.add_argument("--registers", type=int, default=4)
    p.add_argument("--resolution", type=int, default=448)
    p.add_argument("--batch", type=int, default=1)
    p.add_argument("--threads", type=int, default=0, help="0 = torch's default")
    p.add_argument("--iterations", type=int, default=3)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--layer", type=int, default=-1, help="last block to run, Python-style (-1 = all)")
    return p.parse_args()


args = parse()
if args.threads > 0:  # before torch loads its BLAS
    os.environ.setdefault("OMP_NUM_THREADS", str(args.threads))
    os.environ.setdefault("OPENBLAS_NUM_THREADS", str(args.threads))
import torch  # noqa: E402
from torch import nn  # noqa: E402

if args.threads > 0:
    torch.set_num_threads(args.threads)


class Rope(nn.Module):
    def __init__(self, head_dim, base=100.0):
        super().__init__()
        self.head_dim = head_dim
        self.register_buffer("inv_freq", 1 / base ** torch.arange(0, 1, 4 / head_dim, dtype=torch.float32), persistent=False)

    def forward(self, h, w):
        ch = torch.arange(0.5, h, dtype=torch.float32) / h
        cw = torch.arange(0.5, w, dtype=torch.float32) / w
        coords = torch.stack(torch.meshgrid(ch, cw, indexing="ij"), dim=-1).flatten(0, 1) * 2.0 - 1.0
        angles = (2 * math.pi * coords[:, :, None] * self.inv_freq[None, None, :]).flatten(1, 2).tile(2)
        return torch.cos(angles), torch.sin(angles)


def rotate_half(x):
    x1, x2 = x.chunk(2, dim=-1)
    return torch.cat((-x2, x1), dim=-1)


class Attention(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads, self.head_dim = heads, dim // heads
        self.q_proj = nn.Linear(dim, dim, bias=True)
        self.k_proj = nn.Linear(dim, dim, bias=False)
        self.v_proj = nn.Linear(dim, dim, bias=True)
        self.o_proj = nn.Linear(dim, dim, bias=True)

    def forward(self, x, cos, sin, prefix):
        b, t, c = x.shape
        q = self.q_proj(x).view(b, t, self.heads, self.head_dim).transpose(1, 2)
        k = self.k_proj(x).view(b, t, self.heads, self.head_dim).transpose(1, 2)
        v = self.v_proj(x).view(b, t, self.heads, self.head_dim).transpose(1, 2)
        qp, qr = q.split((prefix, t - prefix), dim=-2)
        kp, kr = k.split((prefix, t - prefix), dim=-2)
        q = torch.cat((qp, qr * cos + rotate_half(qr) * sin), dim=-2)
        k = torch.cat((kp, kr * cos + rotate_half(kr) * sin), dim=-2)
        attn = torch.softmax(torch.matmul(q, k.transpose(-1, -2)) * self.head_dim ** -0.5, dim=-1, dtype=torch.float32)
        out = torch.matmul(attn, v).transpose(1, 2).reshape(b, t, c)
        return self.o_proj(out)


class Block(nn.Module):
    def __init__(self, dim, heads, hidden):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, eps=1e-5)
        self.attention = Attention(dim, heads)
        self.ls1 = nn.Parameter(torch.full((dim,), 0.1))
        self.norm2 = nn.LayerNorm(dim, eps=1e-5)
        self.up_proj = nn.Linear(dim, hidden)
        self.down_proj = nn.Linear(hidden, dim)
        self.ls2 = nn.Parameter(torch.full((dim,), 0.1))

    def forward(self, x, cos, sin, prefix):
        x = x + self.attention(self.norm1(x), cos, sin, prefix) * self.ls1
        return x + self.down_proj(nn.functional.gelu(self.up_proj(self.norm2(x)))) * self.ls2


class DinoV3(nn.Module):
    def __init__(self, a):
        super().__init__()
        self.patch = a.patch
        self.patch_embeddings = nn.Conv2d(3, a.hidden, a.patch, a.patch)
        self.cls_token = nn.Parameter(torch.randn(1, 1, a.hidden) * 0.02)
        self.register_tokens = nn.Parameter(torch.randn(1, a.registers, a.hidden) * 0.02)
        self.rope = Rope(a.hidden // a.heads)
        self.blocks = nn.ModuleList(Block(a.hidden, a.heads, a.intermediate) for _ in range(a.layers))
        self.norm = nn.LayerNorm(a.hidden, eps=1e-5)

    def forward(self, images, last):
        b, _, h, w = images.shape
        x = self.patch_embeddings(images).flatten(2).transpose(1, 2)
        x = torch.cat((self.cls_token.expand(b, -1, -1), self.register_tokens.expand(b, -1, -1), x), dim=1)
        cos, sin = self.rope(h // self.patch, w // self.patch)
        prefix = 1 + self.register_tokens.shape[1]
        for block in self.blocks[: last + 1]:
            x = block(x, cos, sin, prefix)
        return x[:, prefix:]


torch.manual_seed(0)
model = DinoV3(args).eval()
last = args.layer % args.layers
images = torch.randn(args.batch, 3, args.resolution, args.resolution)
with torch.inference_mode():
    for _ in range(args.warmup):
        model(images, last)
    times, cpu = [], []
    for _ in range(args.iterations):
        start, start_cpu = time.perf_counter(), time.process_time()
        out = model(images, last)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
# The fastest iteration counts (as in `bench vit`): the least disturbed by other processes.
print(json.dumps({
    "images_per_second": args.batch / min(times),
    "seconds_per_batch": min(times), "mean_seconds_per_batch": sum(times) / len(times),
    "cpu_seconds_per_batch": min(cpu),
    "batch": args.batch, "resolution": args.resolution, "threads": torch.get_num_threads(),
    "blocks": last + 1, "tokens": out.shape[1] + 1 + args.registers, "torch": torch.__version__,
}))
sys.stdout.flush()
