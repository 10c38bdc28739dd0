public enum EcotopStoreModule {}
