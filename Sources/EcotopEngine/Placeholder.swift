public enum EcotopEngineModule {}
