CREATE DATABASE {{database}} TEMPLATE template0
