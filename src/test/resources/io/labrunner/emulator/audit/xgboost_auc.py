"""Loads SageMaker's xgboost-model with open-source xgboost and scores the validation rows.

Usage: xgboost_auc.py WORKDIR   (reads WORKDIR/xgboost-model and WORKDIR/validation.csv, label first)
Prints {"version": ..., "auc": ..., "rows": ...}; the AUC is the rank statistic, so it needs no sklearn.
"""
import json
import sys

import numpy as np
import xgboost

workdir = sys.argv[1]
data = np.loadtxt(workdir + "/validation.csv", delimiter=",", ndmin=2)
labels, features = data[:, 0], data[:, 1:]
booster = xgboost.Booster()
booster.load_model(workdir + "/xgboost-model")
scores = booster.predict(xgboost.DMatrix(features))
positives, negatives = scores[labels == 1], scores[labels == 0]
wins = sum(float((p > negatives).sum()) + 0.5 * float((p == negatives).sum()) for p in positives)
print(json.dumps({"version": xgboost.__version__, "rows": int(len(labels)),
                  "auc": wins / (len(positives) * len(negatives))}))
