"""How far apart two colours look, to people with normal colour vision and with the three
common colour-vision deficiencies: CIEDE2000 on CIELAB (D65), after Machado, Oliveira and
Fernandes' (2009) simulation of full protanopia, deuteranopia and tritanopia.

A test helper (numpy only): the app never needs it, the palette tests and the palette's
benchmark do.
"""

from __future__ import annotations

import itertools

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float64]

# Machado et al. 2009, severity 1.0; they act on linear RGB.
SIMULATIONS: dict[str, Array | None] = {
    "normal": None,
    "protanopia": np.array(
        [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
         [-0.003882, -0.048116, 1.051998]]
    ),
    "deuteranopia": np.array(
        [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
         [-0.011820, 0.042940, 0.968881]]
    ),
    "tritanopia": np.array(
        [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
         [0.004733, 0.691367, 0.303900]]
    ),
}  # fmt: skip

_SRGB_TO_XYZ = np.array(
    [[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750],
     [0.0193339, 0.1191920, 0.9503041]]
)  # fmt: skip
_D65 = np.array([0.95047, 1.0, 1.08883])


def rgb(colour: str) -> Array:
    """'#rrggbb' as sRGB in 0..1."""
    return np.array([int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])


def linear(srgb: Array) -> Array:
    return np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)


def relative_luminance(colour: str) -> float:
    """WCAG's relative luminance."""
    return float(linear(rgb(colour)) @ _SRGB_TO_XYZ[1])


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio (1 to 21); graphical objects need 3 (WCAG 2.1, 1.4.11)."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def lab(linear_rgb: Array) -> Array:
    """CIELAB (D65) of linear RGB rows."""
    xyz = np.clip(linear_rgb, 0, 1) @ _SRGB_TO_XYZ.T / _D65
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]),
                     200 * (f[..., 1] - f[..., 2])], axis=-1)  # fmt: skip


def seen(colours: list[str], vision: str) -> Array:
    """The colours as CIELAB, as someone with this vision sees them."""
    values = linear(np.array([rgb(c) for c in colours]))
    matrix = SIMULATIONS[vision]
    return lab(values if matrix is None else values @ matrix.T)


def ciede2000(lab1: Array, lab2: Array) -> Array:
    """CIEDE2000 colour difference (Sharma, Wu and Dalal 2005), row by row."""
    l1, a1, b1 = lab1[..., 0], lab1[..., 1], lab1[..., 2]
    l2, a2, b2 = lab2[..., 0], lab2[..., 1], lab2[..., 2]
    c_mean = (np.hypot(a1, b1) + np.hypot(a2, b2)) / 2
    g = 0.5 * (1 - np.sqrt(c_mean**7 / (c_mean**7 + 25.0**7)))
    a1p, a2p = a1 * (1 + g), a2 * (1 + g)
    c1p, c2p = np.hypot(a1p, b1), np.hypot(a2p, b2)
    h1p = np.degrees(np.arctan2(b1, a1p)) % 360
    h2p = np.degrees(np.arctan2(b2, a2p)) % 360
    dl, dc = l2 - l1, c2p - c1p
    dh = h2p - h1p
    dh = np.where(dh > 180, dh - 360, np.where(dh < -180, dh + 360, dh))
    dh = np.where(c1p * c2p == 0, 0, dh)
    dhh = 2 * np.sqrt(c1p * c2p) * np.sin(np.radians(dh / 2))
    lp, cp = (l1 + l2) / 2, (c1p + c2p) / 2
    hsum = h1p + h2p
    hp = np.where(np.abs(h1p - h2p) > 180, np.where(hsum < 360, hsum + 360, hsum - 360), hsum) / 2
    hp = np.where(c1p * c2p == 0, hsum, hp)
    t = (1 - 0.17 * np.cos(np.radians(hp - 30)) + 0.24 * np.cos(np.radians(2 * hp))
         + 0.32 * np.cos(np.radians(3 * hp + 6)) - 0.20 * np.cos(np.radians(4 * hp - 63)))  # fmt: skip
    sl = 1 + 0.015 * (lp - 50) ** 2 / np.sqrt(20 + (lp - 50) ** 2)
    sc, sh = 1 + 0.045 * cp, 1 + 0.015 * cp * t
    rt = (-2 * np.sqrt(cp**7 / (cp**7 + 25.0**7))
          * np.sin(np.radians(60 * np.exp(-(((hp - 275) / 25) ** 2)))))  # fmt: skip
    return np.sqrt((dl / sl) ** 2 + (dc / sc) ** 2 + (dhh / sh) ** 2 + rt * (dc / sc) * (dhh / sh))


def closest_pair(colours: list[str], vision: str) -> tuple[float, str, str]:
    """The smallest CIEDE2000 difference between two of the colours, and which two."""
    values = seen(colours, vision)
    pairs = list(itertools.combinations(range(len(colours)), 2))
    first, second = (np.array(side) for side in zip(*pairs, strict=True))
    differences = ciede2000(values[first], values[second])
    k = int(np.argmin(differences))
    return float(differences[k]), colours[pairs[k][0]], colours[pairs[k][1]]
