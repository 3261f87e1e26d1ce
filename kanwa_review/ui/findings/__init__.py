"""The findings tab (所見) and the improvement actions (改善計画) agreed on them."""
