import numpy as np


def numerical_gradient(f, x):
    h = 1e-4  #@ numgrad:h
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):  #@ numgrad:loop
        tmp_val = x[idx]  #@ numgrad:keep
        x[idx] = tmp_val + h  #@ numgrad:plus  #: code.numgrad.inplace
        fxh1 = f(x)  #@ numgrad:fplus  #: code.numgrad.f
        x[idx] = tmp_val - h  #@ numgrad:minus
        fxh2 = f(x)  #@ numgrad:fminus
        grad[idx] = (fxh1 - fxh2) / (2 * h)  #@ numgrad:diff
        x[idx] = tmp_val  #@ numgrad:restore  #: code.numgrad.restore
    return grad
