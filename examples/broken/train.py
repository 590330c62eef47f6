import os

print('training with', os.listdir('/opt/ml/input/data'))
