public enum EcotopUIModule {}
